import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { horizontalBars, pairedBars } from '../components/charts.ts';
import { ChartFigure } from '../components/ChartFigure.tsx';
import { DataTable, type Column } from '../components/DataTable.tsx';
import { Figures } from '../components/Figures.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { COMMITMENTS, DISBURSEMENTS, SERIES } from '../components/palette.ts';
import {
  useOutcomes,
  usePipeline,
  useStatement,
  type FundStatement,
  type Outcomes,
  type PipelineEntry,
} from '../features/facility/api.ts';
import { useContributorName } from '../features/facility/contributors.ts';
import { useMoney } from '../features/facility/money.ts';
import { StateBadge } from '../features/facility/StateBadge.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import '../features/facility/facility.css';

const BALANCES = ['pledged', 'received', 'committed', 'disbursed', 'available', 'cash'] as const;

function Statement({ statement }: { statement: FundStatement }) {
  const { t } = useFacilityText();
  const money = useMoney();
  const names = useNames();
  const contributorName = useContributorName();
  const usdShort = useFormat().money;
  const contributions = useMemo(
    () =>
      pairedBars({
        names: statement.byContributor.map((c) => contributorName(c.contributor, c.name)),
        series: [
          {
            name: t('facility.balances.pledged'),
            values: statement.byContributor.map((c) => Number(c.pledgedUsd)),
            color: SERIES[0]!,
          },
          {
            name: t('facility.balances.received'),
            values: statement.byContributor.map((c) => Number(c.receivedUsd)),
            color: SERIES[2]!,
          },
        ],
        format: usdShort,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- contributorName follows t and names
    [statement, t, names, usdShort],
  );
  const countries = useMemo(
    () =>
      pairedBars({
        names: statement.byCountry.map((c) => names.country(c.country)),
        series: [
          {
            name: t('facility.balances.committed'),
            values: statement.byCountry.map((c) => Number(c.committed)),
            color: COMMITMENTS,
          },
          {
            name: t('facility.balances.disbursed'),
            values: statement.byCountry.map((c) => Number(c.disbursed)),
            color: DISBURSEMENTS,
          },
        ],
        format: usdShort,
      }),
    [statement, t, names, usdShort],
  );
  return (
    <>
      <div className="money-figures">
        <Figures
          items={BALANCES.map((b) => ({
            label: t(`facility.balances.${b}`),
            value: <span data-balance={b}>{money.usd(statement.balances[b])}</span>,
            ...(b === 'available' || b === 'cash' ? { note: t(`facility.balances.${b}Note`) } : {}),
          }))}
        />
      </div>
      <div className="grid-2">
        <ChartFigure
          id="facility-contributors"
          title={t('facility.statement.byContributor')}
          option={contributions}
          height={Math.max(140, statement.byContributor.length * 56 + 40)}
          legend={[
            { name: t('facility.balances.pledged'), color: SERIES[0]! },
            { name: t('facility.balances.received'), color: SERIES[2]! },
          ]}
          table={
            <DataTable
              caption={t('facility.statement.byContributor')}
              captionHidden
              rows={statement.byContributor}
              rowKey={(c) => `${c.contributor}-${c.currency}`}
              empty={t('facility.none')}
              columns={[
                {
                  key: 'name',
                  header: t('facility.statement.contributor'),
                  cell: (c) => contributorName(c.contributor, c.name),
                },
                {
                  key: 'pledged',
                  header: t('facility.balances.pledged'),
                  numeric: true,
                  cell: (c) => money.amount(c.pledged, c.currency),
                },
                {
                  key: 'received',
                  header: t('facility.balances.received'),
                  numeric: true,
                  cell: (c) => money.amount(c.received, c.currency),
                },
                {
                  key: 'outstanding',
                  header: t('facility.statement.outstanding'),
                  numeric: true,
                  cell: (c) => money.amount(c.outstanding, c.currency),
                },
                {
                  key: 'pledgedUsd',
                  header: t('facility.statement.pledgedUsd'),
                  numeric: true,
                  cell: (c) => money.usd(c.pledgedUsd),
                },
                {
                  key: 'receivedUsd',
                  header: t('facility.statement.receivedUsd'),
                  numeric: true,
                  cell: (c) => money.usd(c.receivedUsd),
                },
              ]}
            />
          }
        />
        <ChartFigure
          id="facility-countries"
          title={t('facility.statement.byCountry')}
          description={t('facility.statement.byCountryNote')}
          option={countries}
          height={Math.max(140, statement.byCountry.length * 48 + 40)}
          legend={[
            { name: t('facility.balances.committed'), color: COMMITMENTS },
            { name: t('facility.balances.disbursed'), color: DISBURSEMENTS },
          ]}
          table={
            <DataTable
              caption={t('facility.statement.byCountry')}
              captionHidden
              rows={statement.byCountry}
              rowKey={(c) => c.country}
              empty={t('facility.none')}
              columns={[
                {
                  key: 'country',
                  header: t('common.country'),
                  cell: (c) => names.country(c.country),
                },
                {
                  key: 'grants',
                  header: t('facility.statement.grants'),
                  numeric: true,
                  cell: (c) => c.grants,
                },
                {
                  key: 'committed',
                  header: t('facility.balances.committed'),
                  numeric: true,
                  cell: (c) => money.usd(c.committed),
                },
                {
                  key: 'disbursed',
                  header: t('facility.balances.disbursed'),
                  numeric: true,
                  cell: (c) => money.usd(c.disbursed),
                },
              ]}
            />
          }
        />
      </div>
    </>
  );
}

function Pipeline({ proposals }: { proposals: PipelineEntry[] }) {
  const { t } = useFacilityText();
  const { i18n } = useTranslation();
  const money = useMoney();
  const names = useNames();
  const local = useLocalPath();
  return (
    <section className="card" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">{t('facility.pipeline.title')}</h2>
      <p className="note">{t('facility.pipeline.lead')}</p>
      <DataTable
        caption={t('facility.pipeline.title')}
        captionHidden
        rows={proposals}
        rowKey={(p) => p.reference}
        empty={t('facility.pipeline.none')}
        columns={[
          { key: 'reference', header: t('facility.list.reference'), cell: (p) => p.reference },
          {
            key: 'title',
            header: t('facility.list.title'),
            cell: (p) => (i18n.language === 'ru' && p.title.ru) || p.title.en,
          },
          {
            key: 'state',
            header: t('facility.list.state'),
            cell: (p) => <StateBadge state={p.state} />,
          },
          {
            key: 'countries',
            header: t('facility.list.countries'),
            cell: (p) => p.countries.map((c) => names.country(c)).join(', '),
          },
          {
            key: 'cluster',
            header: t('common.cluster'),
            cell: (p) => (p.cluster ? names.cluster(p.cluster) : '—'),
          },
          {
            key: 'grant',
            header: t('facility.pipeline.grant'),
            numeric: true,
            cell: (p) => money.usd(p.grantUsd),
          },
          {
            key: 'disbursed',
            header: t('facility.balances.disbursed'),
            numeric: true,
            cell: (p) => money.usd(p.disbursedUsd),
          },
          {
            key: 'investment',
            header: t('facility.pipeline.investment'),
            cell: (p) =>
              p.investment ? (
                <Link to={local(`/projects/${encodeURIComponent(p.investment.iatiIdentifier)}`)}>
                  {money.usd(p.investment.amountUsd)}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}

type Leverage = Pick<Outcomes['facility'], 'investmentUsd' | 'preparationUsd' | 'leverage'>;

function Results({ outcomes }: { outcomes: Outcomes }) {
  const { t } = useFacilityText();
  const { i18n } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const names = useNames();
  const times = (value: number | null) =>
    value === null
      ? t('facility.leverage.none')
      : t('facility.leverage.times', { value: format.number(value) });
  const stateName = (state: Outcomes['funnel'][number]['state']) => t(`facility.states.${state}`);
  const count = (value: number) => format.number(value);
  const days = (value: number) => t('facility.stages.days', { days: format.number(value) });
  const funnel = useMemo(
    () =>
      horizontalBars({
        names: outcomes.funnel.map((f) => stateName(f.state)),
        values: outcomes.funnel.map((f) => f.proposals),
        color: SERIES[0]!,
        money: count,
        seriesName: t('facility.funnel.proposals'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the formatters follow t and format
    [outcomes, t, format],
  );
  const stages = useMemo(
    () =>
      horizontalBars({
        names: outcomes.stageDays.map((s) => stateName(s.state)),
        values: outcomes.stageDays.map((s) => s.meanDays),
        color: SERIES[1]!,
        money: days,
        seriesName: t('facility.stages.mean'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the formatters follow t and format
    [outcomes, t, format],
  );
  /** What a financed proposal or a country put in: the same three columns in both tables. */
  const leverageColumns: Column<Leverage>[] = [
    {
      key: 'investment',
      header: t('facility.leverage.investment'),
      numeric: true,
      cell: (row) => money.usd(row.investmentUsd),
    },
    {
      key: 'preparation',
      header: t('facility.leverage.preparation'),
      numeric: true,
      cell: (row) => money.usd(row.preparationUsd),
    },
    {
      key: 'leverage',
      header: t('facility.leverage.leverage'),
      numeric: true,
      cell: (row) => times(row.leverage),
    },
  ];
  const leverage = useMemo(
    () =>
      horizontalBars({
        names: outcomes.byCountry.map((c) => names.country(c.country)),
        values: outcomes.byCountry.map((c) => c.leverage ?? 0),
        color: SERIES[2]!,
        money: (v) => times(v),
        seriesName: t('facility.leverage.title'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the formatters follow t and format
    [outcomes, t, format, names],
  );
  return (
    <>
      <section className="card" aria-labelledby="leverage-title">
        <h2 id="leverage-title">{t('facility.leverage.title')}</h2>
        <p className="note">{t('facility.leverage.lead')}</p>
        <div className="money-figures">
          <Figures
            items={[
              {
                label: t('facility.leverage.investment'),
                value: money.usd(outcomes.facility.investmentUsd),
              },
              {
                label: t('facility.leverage.preparation'),
                value: money.usd(outcomes.facility.preparationUsd),
              },
              { label: t('facility.leverage.leverage'), value: times(outcomes.facility.leverage) },
            ]}
          />
        </div>
        <DataTable
          caption={t('facility.leverage.byProposal')}
          rows={outcomes.byProposal}
          rowKey={(p) => p.reference}
          empty={t('facility.leverage.noneFinanced')}
          columns={[
            { key: 'reference', header: t('facility.list.reference'), cell: (p) => p.reference },
            {
              key: 'title',
              header: t('facility.list.title'),
              cell: (p) => (i18n.language === 'ru' && p.title.ru) || p.title.en,
            },
            ...leverageColumns,
          ]}
        />
      </section>
      <ChartFigure
        id="facility-leverage"
        title={t('facility.leverage.byCountry')}
        description={t('facility.leverage.byCountryNote')}
        option={leverage}
        height={Math.max(140, outcomes.byCountry.length * 34 + 24)}
        table={
          <DataTable
            caption={t('facility.leverage.byCountry')}
            captionHidden
            rows={outcomes.byCountry}
            rowKey={(c) => c.country}
            empty={t('facility.none')}
            columns={[
              {
                key: 'country',
                header: t('common.country'),
                cell: (c) => names.country(c.country),
              },
              ...leverageColumns,
            ]}
          />
        }
      />
      <div className="grid-2">
        <ChartFigure
          id="facility-funnel"
          title={t('facility.funnel.title')}
          description={t('facility.funnel.lead')}
          option={funnel}
          height={outcomes.funnel.length * 34 + 24}
          table={
            <DataTable
              caption={t('facility.funnel.title')}
              captionHidden
              rows={outcomes.funnel}
              rowKey={(f) => f.state}
              columns={[
                {
                  key: 'state',
                  header: t('facility.funnel.stage'),
                  cell: (f) => stateName(f.state),
                },
                {
                  key: 'proposals',
                  header: t('facility.funnel.proposals'),
                  numeric: true,
                  cell: (f) => count(f.proposals),
                },
              ]}
            />
          }
        />
        <ChartFigure
          id="facility-stages"
          title={t('facility.stages.title')}
          description={t('facility.stages.lead')}
          option={stages}
          height={Math.max(140, outcomes.stageDays.length * 34 + 24)}
          table={
            <DataTable
              caption={t('facility.stages.title')}
              captionHidden
              rows={outcomes.stageDays}
              rowKey={(s) => s.state}
              empty={t('facility.none')}
              columns={[
                {
                  key: 'state',
                  header: t('facility.funnel.stage'),
                  cell: (s) => stateName(s.state),
                },
                {
                  key: 'proposals',
                  header: t('facility.stages.proposals'),
                  numeric: true,
                  cell: (s) => count(s.proposals),
                },
                {
                  key: 'mean',
                  header: t('facility.stages.mean'),
                  numeric: true,
                  cell: (s) => days(s.meanDays),
                },
                {
                  key: 'max',
                  header: t('facility.stages.longest'),
                  numeric: true,
                  cell: (s) => days(s.maxDays),
                },
              ]}
            />
          }
        />
      </div>
    </>
  );
}

export default function FacilityPage() {
  const { t } = useFacilityText();
  const format = useFormat();
  usePageTitle(t('facility.title'));
  const statement = useStatement();
  const pipeline = usePipeline();
  const outcomes = useOutcomes();
  const failure = [statement, pipeline, outcomes].find((q) => q.state === 'failed');
  return (
    <>
      <div className="page-head">
        <span className="kicker">{t('facility.fullName')}</span>
        <h1>{t('facility.title')}</h1>
        <p className="lead">{t('facility.lead')}</p>
        {statement.data ? (
          <p className="note">
            {t('facility.statement.asOf', { date: format.date(statement.data.asOf) })}
          </p>
        ) : null}
      </div>
      {failure ? <ErrorMessage error={failure.error} /> : null}
      {statement.data ? (
        <Statement statement={statement.data} />
      ) : statement.state === 'loading' ? (
        <Loading />
      ) : null}
      {pipeline.data ? <Pipeline proposals={pipeline.data.proposals} /> : null}
      {outcomes.data ? <Results outcomes={outcomes.data} /> : null}
    </>
  );
}
