import { Link } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Figures } from '../components/Figures.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useLedger, useStatement } from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { useContributorName } from '../features/facility/contributors.ts';
import { LedgerEntryForm } from '../features/facility/LedgerEntryForm.tsx';
import { useMoney } from '../features/facility/money.ts';
import { proposalHref } from '../features/facility/ProposalList.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

const BALANCES = [
  'pledged',
  'received',
  'committed',
  'disbursed',
  'repaid',
  'available',
  'cash',
] as const;

/** Every entry of the fund's ledger, oldest first, with the balances they make. */
function Ledger() {
  const { t } = useFacilityText();
  const format = useFormat();
  const money = useMoney();
  const contributorName = useContributorName();
  const local = useLocalPath();
  const session = useSession();
  const ledger = useLedger();
  const statement = useStatement();
  const reload = () => {
    ledger.reload();
    statement.reload();
  };
  return (
    <>
      <FacilityHead title={t('facility.workspace.ledger')} lead={t('facility.ledger.lead')} />
      {statement.data ? (
        <div className="money-figures">
          <Figures
            items={BALANCES.map((b) => ({
              label: t(`facility.balances.${b}`),
              value: money.usd(statement.data.balances[b]),
            }))}
          />
        </div>
      ) : null}
      <section className="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('facility.ledger.entries')}</h2>
        {ledger.state === 'failed' ? <ErrorMessage error={ledger.error} /> : null}
        {ledger.state === 'loading' ? <Loading /> : null}
        {ledger.data ? (
          <DataTable
            caption={t('facility.ledger.entries')}
            captionHidden
            rows={ledger.data.entries}
            rowKey={(e) => String(e.id)}
            empty={t('facility.none')}
            columns={[
              { key: 'id', header: '#', numeric: true, cell: (e) => e.id },
              {
                key: 'date',
                header: t('facility.ledger.valueDate'),
                cell: (e) => format.date(e.valueDate),
              },
              {
                key: 'type',
                header: t('facility.ledger.type'),
                cell: (e) => t(`facility.ledger.types.${e.type}`),
              },
              {
                key: 'party',
                header: t('facility.ledger.party'),
                cell: (e) =>
                  e.proposal ? (
                    <Link to={local(proposalHref(e.proposal))}>{e.proposal}</Link>
                  ) : e.contributor ? (
                    contributorName(e.contributor)
                  ) : (
                    ''
                  ),
              },
              {
                key: 'amount',
                header: t('facility.ledger.amount'),
                numeric: true,
                cell: (e) => money.amount(e.amount, e.currency),
              },
              {
                key: 'usd',
                header: t('facility.ledger.usd'),
                numeric: true,
                cell: (e) => money.usd(e.usd),
              },
              {
                key: 'reference',
                header: t('facility.ledger.reference'),
                cell: (e) => e.reference ?? '',
              },
              { key: 'memo', header: t('facility.ledger.memo'), cell: (e) => e.memo ?? '' },
              { key: 'by', header: t('facility.ledger.recordedBy'), cell: (e) => e.recordedBy },
            ]}
          />
        ) : null}
      </section>
      {session.can('facility.manage') ? <LedgerEntryForm onRecorded={reload} /> : null}
    </>
  );
}

export default function FacilityLedgerPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.ledger'));
  return (
    <RequireAccess permission="facility.read">
      <Ledger />
    </RequireAccess>
  );
}
