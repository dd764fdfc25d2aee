import { useEffect, useState, type FormEvent } from 'react';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath, useUrlParam } from '../app/url.ts';
import { defaultYear, THIS_YEAR } from '../app/years.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { COMMITMENTS, DISBURSEMENTS, SERIES } from '../components/palette.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useAction } from '../components/useAction.ts';
import { dimensionOf } from '../features/climate/api.ts';
import { ClimateBreakdown } from '../features/climate/ClimateBreakdown.tsx';
import { ClimatePipelineView } from '../features/climate/ClimatePipelineView.tsx';
import { ClimateTotals } from '../features/climate/ClimateTotals.tsx';
import { useClimateText } from '../features/climate/text.ts';
import { AmountBars } from '../features/portfolio/AmountBars.tsx';
import { YearChart } from '../features/portfolio/YearChart.tsx';
import {
  freezeSnapshot,
  reportPath,
  useReport,
  useReportYears,
  type ReportAnswer,
} from '../features/report/api.ts';
import {
  ApprovalsTable,
  ConferenceRecord,
  CorridorTable,
  DataSourcesView,
  FundStatementView,
  ReportCover,
  ReportOverview,
  ReportSection,
} from '../features/report/ReportSections.tsx';
import { useReportText } from '../features/report/text.ts';
import { useReportWords } from '../features/report/words.ts';
import { ProgressRule, ScorecardView } from '../features/results/ScorecardView.tsx';
import { useResultsText } from '../features/results/text.ts';

const YEARS = Array.from({ length: THIS_YEAR - 2008 + 1 }, (_, i) => THIS_YEAR - i);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Controls({
  year,
  fallback,
  asOf,
}: {
  year: number;
  /** The year shown when the address names none (null while the API is asked). */
  fallback: number | null;
  asOf: string | null;
}) {
  const { t, i18n } = useReportText();
  const [, setYear] = useUrlParam('year');
  const [, setAsOf] = useUrlParam('asOf');
  const [day, setDay] = useState(asOf ?? '');
  useEffect(() => setDay(asOf ?? ''), [asOf]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setAsOf(day || null);
  };
  return (
    <form className="card report-controls" onSubmit={apply} aria-label={t('report.title')}>
      <SelectField
        id="report-year"
        label={t('report.year')}
        value={String(year)}
        onChange={(value) => setYear(Number(value) === fallback ? null : value)}
      >
        {[...new Set([year, ...YEARS])]
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
      </SelectField>
      <TextField
        id="report-as-of"
        label={t('report.asOf')}
        hint={t('report.asOfHint')}
        type="date"
        value={day}
        onChange={setDay}
      />
      <div className="actions">
        <button type="submit" className="button secondary">
          {t('report.show')}
        </button>
      </div>
      <div className="downloads">
        <span>{t('report.download')}</span>
        <a href={reportPath(year, asOf, 'html', i18n.language)} download>
          {t('report.html')}
        </a>
        <a href={reportPath(year, asOf, 'pdf', i18n.language)} download>
          {t('report.pdf')}
        </a>
      </div>
    </form>
  );
}

/** The secretariat freezes the day's figures, so that reruns give the same numbers. */
function Freeze({
  year,
  asOf,
  onFrozen,
}: {
  year: number;
  asOf: string | null;
  onFrozen: () => void;
}) {
  const { t } = useReportText();
  const action = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const freeze = () =>
    void action.run(async () => {
      const answer = await freezeSnapshot(year, asOf);
      setMessage(
        answer.snapshot
          ? t('report.frozen', { id: answer.snapshot.id.slice(0, 12) })
          : t('report.notEnded'),
      );
      onFrozen();
    });
  return (
    <div className="actions">
      <button type="button" className="button secondary" disabled={action.busy} onClick={freeze}>
        {t('report.freeze')}
      </button>
      {message ? (
        <p className="success-message" role="status">
          {message}
        </p>
      ) : null}
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </div>
  );
}

function Report({ report }: { report: ReportAnswer }) {
  const w = useReportWords();
  const names = useNames();
  const format = useFormat();
  const local = useLocalPath();
  const { t } = useClimateText();
  useResultsText();
  const { portfolio, climate } = report;
  const dollars = (cents: number) => cents / 100;
  const years = [
    {
      name: w.commitments,
      color: COMMITMENTS,
      values: new Map(portfolio.byYear.map((r) => [Number(r.key), dollars(r.commitments)])),
    },
    {
      name: w.disbursements,
      color: DISBURSEMENTS,
      values: new Map(portfolio.byYear.map((r) => [Number(r.key), dollars(r.disbursements)])),
    },
  ];
  return (
    <>
      <ReportCover report={report} />
      <ReportSection id="overview" title={w.overview}>
        <ReportOverview report={report} />
        <YearChart id="report-years" title={w.byYear} series={years} />
      </ReportSection>
      <ReportSection id="breakdowns" title={`${w.byCluster} · ${w.byCountry} · ${w.byPartner}`}>
        <div className="grid-2">
          <AmountBars
            id="report-clusters"
            title={w.byCluster}
            nameLabel={w.name}
            valueLabel={w.commitments}
            color={SERIES[0]!}
            rows={portfolio.byCluster.map((r) => ({
              key: String(r.key),
              name: Number(r.key) ? names.cluster(Number(r.key)) : w.unassigned,
              value: dollars(r.commitments),
              ...(Number(r.key) ? { href: local(`/clusters/${Number(r.key)}`) } : {}),
            }))}
          />
          <AmountBars
            id="report-countries"
            title={w.byCountry}
            nameLabel={w.name}
            valueLabel={w.commitments}
            color={SERIES[1]!}
            limit={12}
            rows={portfolio.byCountry.map((r) => ({
              key: String(r.key),
              name: r.key === 'regional' ? w.regional : names.country(String(r.key)),
              value: dollars(r.commitments),
              ...(r.key !== 'regional' ? { href: local(`/countries/${String(r.key)}`) } : {}),
            }))}
          />
          <AmountBars
            id="report-partners"
            title={w.byPartner}
            nameLabel={w.name}
            valueLabel={w.commitments}
            color={SERIES[2]!}
            limit={12}
            rows={portfolio.byPartner.map((r) => ({
              key: String(r.key),
              name: r.key ? names.partnerShort(String(r.key)) : w.unknownPartner,
              value: dollars(r.commitments),
              ...(r.key ? { href: local(`/partners/${encodeURIComponent(String(r.key))}`) } : {}),
            }))}
          />
          <CorridorTable report={report} />
        </div>
      </ReportSection>
      <ReportSection id="approvals" title={w.approvals}>
        <ApprovalsTable report={report} />
      </ReportSection>
      <ReportSection id="facility" title={w.facility}>
        <FundStatementView report={report} />
        <ClimatePipelineView pipeline={report.facility.pipeline} headingLevel={3} />
      </ReportSection>
      <ReportSection id="climate" title={w.climate}>
        <ClimateTotals answer={climate.byCountry} />
        <div className="grid-2">
          <ClimateBreakdown
            id="report-climate-country"
            title={t('climate.by.country')}
            dimension="country"
            answer={climate.byCountry}
            nameOf={(r) => names.country(String(dimensionOf(r, 'country') ?? ''))}
          />
          <ClimateBreakdown
            id="report-climate-cluster"
            title={t('climate.by.cluster')}
            dimension="cluster"
            answer={climate.byCluster}
            nameOf={(r) =>
              Number(dimensionOf(r, 'cluster'))
                ? names.cluster(Number(dimensionOf(r, 'cluster')))
                : w.unassigned
            }
          />
        </div>
        <ClimateBreakdown
          id="report-climate-year"
          title={w.climateByYear}
          dimension="year"
          answer={climate.byYear}
          nameOf={(r) => String(dimensionOf(r, 'year') ?? '')}
        />
      </ReportSection>
      <ReportSection id="results" title={w.results}>
        <ProgressRule rule={report.results.rule} />
        <ScorecardView scorecard={report.results} headingLevel={3} />
      </ReportSection>
      <ReportSection id="decisions" title={w.decisions}>
        <ConferenceRecord report={report} />
      </ReportSection>
      <ReportSection id="sources" title={w.sources}>
        <DataSourcesView report={report} />
        <p className="note">
          {w.asOf} {format.date(report.asOf)}
        </p>
      </ReportSection>
    </>
  );
}

export default function ReportPage() {
  const { t } = useReportText();
  const session = useSession();
  usePageTitle(t('report.title'));
  const [yearParam] = useUrlParam('year');
  const [asOfParam] = useUrlParam('asOf');
  const asked = Number(yearParam);
  // Without a year in the address, the latest year with flows.
  const fallback = defaultYear(useReportYears());
  const year =
    yearParam && Number.isInteger(asked) && asked >= 2001 && asked <= 2100 ? asked : fallback;
  const asOf = asOfParam && ISO_DATE.test(asOfParam) ? asOfParam : null;
  const report = useReport(year, asOf);
  return (
    <>
      <div className="page-head">
        <h1>{t('report.title')}</h1>
        <p className="lead">{t('report.lead')}</p>
      </div>
      {year !== null ? <Controls year={year} fallback={fallback} asOf={asOf} /> : null}
      {year !== null && session.can('reports.manage') ? (
        <Freeze year={year} asOf={asOf} onFrozen={report.reload} />
      ) : null}
      {report.state === 'failed' ? <ErrorMessage error={report.error} /> : null}
      {report.state === 'loading' ? <Loading /> : null}
      {report.data ? <Report report={report.data} /> : null}
    </>
  );
}
