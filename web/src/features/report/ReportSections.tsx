import './report.css';
import type { ReactNode } from 'react';
import { Link } from '../../app/router.tsx';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { useLocalPath } from '../../app/url.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Figures } from '../../components/Figures.tsx';
import { useContributorName } from '../facility/contributors.ts';
import { useMoney } from '../facility/money.ts';
import type { ReportAnswer } from './api.ts';
import { useReportText } from './text.ts';
import { useReportWords } from './words.ts';
import { rateSource } from '../../../../src/reports/ministerial/i18n.ts';

type Conference = NonNullable<ReportAnswer['conference']>;

/** One section of the report, headed as in the printed report. */
export function ReportSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={`report-${id}`}>
      <h2 id={`report-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** US dollars from the report's cents, in full; exact, as the cents are whole. */
function useDollars() {
  const format = useFormat();
  return (cents: number) => format.moneyFull(cents / 100);
}

/** The cover: the conference, the as-of day, the snapshot (or that the figures are live). */
export function ReportCover({ report }: { report: ReportAnswer }) {
  const { t, i18n } = useReportText();
  const w = useReportWords();
  const format = useFormat();
  const names = useNames();
  const c = report.conference;
  return (
    <section className="card report-cover" aria-labelledby="report-cover">
      <h2 id="report-cover">
        {c ? w.conference(c.number) : w.noConference(report.year)}
        {c ? `, ${i18n.language === 'ru' ? c.cityRu : c.cityEn}` : ''}
      </h2>
      {c ? (
        <p>
          {c.date ? format.date(c.date) : c.year}
          {c.chair ? ` · ${t('report.chair')}: ${names.country(c.chair)}` : ''}
          {c.theme ? ` · ${i18n.language === 'ru' ? c.theme.ru : c.theme.en}` : ''}
        </p>
      ) : null}
      <p>
        {w.asOf} <strong data-as-of={report.asOf}>{format.date(report.asOf)}</strong>
      </p>
      <p className="note" data-snapshot={report.snapshot?.id ?? 'live'}>
        {report.snapshot
          ? t('report.snapshotId', {
              id: report.snapshot.id.slice(0, 12),
              at: format.dateTime(report.snapshot.takenAt),
              by: report.snapshot.takenBy,
            })
          : w.notFrozen}
      </p>
      {report.demoActivities > 0 ? (
        <p className="badge demo">{w.demoNotice(report.demoActivities)}</p>
      ) : null}
    </section>
  );
}

/** Cumulative figures and those since the last conference, with exact cents for checking. */
export function ReportOverview({ report }: { report: ReportAnswer }) {
  const { t } = useReportText();
  const w = useReportWords();
  const format = useFormat();
  const dollars = (cents: number) => format.money(cents / 100);
  const figures = (which: 'cumulative' | 'sinceLast') => {
    const f = report.portfolio[which];
    return [
      {
        label: w.commitments,
        value: (
          <span data-figure={`${which}.commitments`} data-cents={f.commitments}>
            {dollars(f.commitments)}
          </span>
        ),
      },
      {
        label: w.disbursements,
        value: (
          <span data-figure={`${which}.disbursements`} data-cents={f.disbursements}>
            {dollars(f.disbursements)}
          </span>
        ),
      },
      { label: w.activities, value: format.number(f.activities) },
    ];
  };
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="overview-cumulative">
        <h3 id="overview-cumulative">{w.cumulative}</h3>
        <Figures items={figures('cumulative')} />
      </section>
      <section className="card" aria-labelledby="overview-since">
        <h3 id="overview-since">{w.sinceLast}</h3>
        <p className="note">
          {t('report.since', { from: format.date(report.since), to: format.date(report.asOf) })}
        </p>
        <Figures items={figures('sinceLast')} />
      </section>
    </div>
  );
}

/** Commitments and disbursements by corridor (a project on several counts under each). */
export function CorridorTable({ report }: { report: ReportAnswer }) {
  const w = useReportWords();
  const names = useNames();
  const local = useLocalPath();
  const dollars = useDollars();
  return (
    <section className="card" aria-labelledby="report-corridors">
      <h3 id="report-corridors">{w.byCorridor}</h3>
      <p className="note">{w.corridorNote}</p>
      <DataTable
        caption={w.byCorridor}
        captionHidden
        rows={report.portfolio.byCorridor}
        rowKey={(r) => String(r.key)}
        empty={w.none}
        columns={[
          {
            key: 'corridor',
            header: w.name,
            cell: (r) => (
              <Link to={local(`/corridors/${String(r.key)}`)}>
                {r.key}. {names.corridor(Number(r.key))}
              </Link>
            ),
          },
          {
            key: 'commitments',
            header: w.commitments,
            numeric: true,
            cell: (r) => dollars(r.commitments),
          },
          {
            key: 'disbursements',
            header: w.disbursements,
            numeric: true,
            cell: (r) => dollars(r.disbursements),
          },
        ]}
      />
    </section>
  );
}

/** Projects whose first commitment falls since the last conference. */
export function ApprovalsTable({ report }: { report: ReportAnswer }) {
  const { i18n } = useReportText();
  const w = useReportWords();
  const names = useNames();
  const local = useLocalPath();
  const dollars = useDollars();
  const format = useFormat();
  const total = report.approvals.reduce((sum, a) => sum + a.commitments, 0);
  return (
    <>
      <p>{w.approvalsSummary(report.approvals.length, dollars(total))}</p>
      <DataTable
        caption={w.approvals}
        captionHidden
        rows={report.approvals}
        rowKey={(a) => a.iatiIdentifier}
        empty={w.approvalsNone}
        columns={[
          {
            key: 'project',
            header: w.project,
            cell: (a) => (
              <Link to={local(`/projects/${encodeURIComponent(a.iatiIdentifier)}`)}>
                {(i18n.language === 'ru' && a.titleRu) || a.title}
              </Link>
            ),
          },
          { key: 'partner', header: w.partner, cell: (a) => names.partnerShort(a.reportingOrg) },
          {
            key: 'countries',
            header: w.countries,
            cell: (a) => a.countries.map((c) => names.country(c)).join(', '),
          },
          {
            key: 'first',
            header: w.firstCommitment,
            cell: (a) => format.date(a.firstCommitment),
          },
          {
            key: 'commitments',
            header: w.commitments,
            numeric: true,
            cell: (a) => dollars(a.commitments),
          },
        ]}
      />
    </>
  );
}

const BALANCES = [
  'pledged',
  'received',
  'committed',
  'disbursed',
  'repaid',
  'available',
  'cash',
] as const;

/** The facility's balances as of the day, and its contributions. */
export function FundStatementView({ report }: { report: ReportAnswer }) {
  const w = useReportWords();
  const format = useFormat();
  const money = useMoney();
  const contributorName = useContributorName();
  const { statement } = report.facility;
  const usd = (decimal: string) => format.moneyFull(Number(decimal));
  return (
    <section className="card" aria-labelledby="report-fund">
      <h3 id="report-fund">{w.fundStatement}</h3>
      <Figures
        items={BALANCES.map((b) => ({
          label: w[b],
          value: <span data-balance={b}>{usd(statement.balances[b])}</span>,
        }))}
      />
      <DataTable
        caption={w.fundStatement}
        captionHidden
        rows={statement.byContributor}
        rowKey={(c) => `${c.contributor}-${c.currency}`}
        empty={w.none}
        columns={[
          {
            key: 'contributor',
            header: w.contributor,
            cell: (c) => contributorName(c.contributor, c.name),
          },
          { key: 'pledged', header: w.pledged, numeric: true, cell: (c) => usd(c.pledgedUsd) },
          { key: 'received', header: w.received, numeric: true, cell: (c) => usd(c.receivedUsd) },
          {
            key: 'outstanding',
            header: w.outstanding,
            numeric: true,
            cell: (c) => money.amount(c.outstanding, c.currency),
          },
        ]}
      />
    </section>
  );
}

function Decisions({ conference }: { conference: Conference }) {
  const { i18n } = useReportText();
  const w = useReportWords();
  const format = useFormat();
  const local = useLocalPath();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <section className="card" aria-labelledby={`conference-${conference.number}`}>
      <h3 id={`conference-${conference.number}`}>
        {w.conference(conference.number)}, {lang === 'ru' ? conference.cityRu : conference.cityEn},{' '}
        {conference.date ? format.date(conference.date) : conference.year}
      </h3>
      {conference.decisions.length === 0 ? <p>{w.noDecisions}</p> : null}
      <ul>
        {conference.decisions.map((d, i) => (
          <li key={i}>
            {d.text[lang]}
            {d.starts ? (
              <>
                {' → '}
                {d.starts.kind === 'facility' ? (
                  <Link to={local('/facility')}>{w.startsFacility}</Link>
                ) : d.starts.kind === 'project' ? (
                  <Link to={local(`/projects/${encodeURIComponent(d.starts.iatiIdentifier)}`)}>
                    {d.starts.iatiIdentifier}
                  </Link>
                ) : (
                  <em>{d.starts.name[lang]}</em>
                )}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {conference.documents.length > 0 ? (
        <>
          <h4>{w.documents}</h4>
          <ul>
            {conference.documents.map((d, i) => (
              <li key={i}>{d.url ? <a href={d.url}>{d.title[lang]}</a> : d.title[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
      {conference.sources.length > 0 ? (
        <p className="note">
          {w.conferenceSources}:{' '}
          {conference.sources.map((s, i) => (
            <span key={s}>
              {i > 0 ? ', ' : ''}
              <a href={s}>{new URL(s).hostname}</a>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** The conference's decisions and the previous one's, with what each started. */
export function ConferenceRecord({ report }: { report: ReportAnswer }) {
  const { t } = useReportText();
  const conferences = [report.conference, report.previous].filter(
    (c): c is Conference => c !== null,
  );
  if (conferences.length === 0) return <p className="note">{t('report.noConferenceRecord')}</p>;
  return (
    <>
      {conferences.map((c) => (
        <Decisions key={c.number} conference={c} />
      ))}
    </>
  );
}

/** Where the figures come from and how fresh they are. */
export function DataSourcesView({ report }: { report: ReportAnswer }) {
  const { t, i18n } = useReportText();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const w = useReportWords();
  const format = useFormat();
  const names = useNames();
  const { sources } = report;
  return (
    <div className="report-stack">
      <DataTable
        caption={w.publisher}
        rows={sources.publishers}
        rowKey={(p) => p.ref}
        empty={w.none}
        columns={[
          { key: 'publisher', header: w.publisher, cell: (p) => names.partner(p.ref) },
          {
            key: 'activities',
            header: w.activities,
            numeric: true,
            cell: (p) => format.number(p.activities),
          },
          { key: 'demo', header: w.demo, numeric: true, cell: (p) => format.number(p.demo) },
          { key: 'updated', header: w.lastUpdated, cell: (p) => format.date(p.lastUpdated) },
        ]}
      />
      <DataTable
        caption={w.importRuns}
        rows={sources.importRuns}
        rowKey={(r, i) => `${r.source}-${i}`}
        empty={w.none}
        columns={[
          { key: 'source', header: w.rateSource, cell: (r) => rateSource(lang, r.source) },
          { key: 'finished', header: w.finished, cell: (r) => format.dateTime(r.finishedAt) },
          {
            key: 'activities',
            header: w.activities,
            numeric: true,
            cell: (r) => format.number(r.activities),
          },
        ]}
      />
      <DataTable
        caption={w.exchangeRates}
        rows={sources.exchangeRates}
        rowKey={(r) => `${r.currency}-${r.source}`}
        empty={w.none}
        columns={[
          { key: 'currency', header: w.currency, cell: (r) => r.currency },
          { key: 'source', header: w.rateSource, cell: (r) => rateSource(lang, r.source) },
          {
            key: 'transactions',
            header: w.transactions,
            numeric: true,
            cell: (r) => format.number(r.transactions),
          },
        ]}
      />
      <DataTable
        caption={w.climateShareSources}
        rows={sources.climateShares}
        rowKey={(r) => r.source}
        empty={w.none}
        columns={[
          { key: 'source', header: w.rateSource, cell: (r) => rateSource(lang, r.source) },
          {
            key: 'activities',
            header: w.activities,
            numeric: true,
            cell: (r) => format.number(r.activities),
          },
        ]}
      />
      <p className="note">{t('report.computedAt', { at: format.dateTime(report.computedAt) })}</p>
    </div>
  );
}
