import { useState, type FormEvent } from 'react';
import { Link } from '../../app/router.tsx';
import { useFormat } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { useLocalPath } from '../../app/url.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Figures } from '../../components/Figures.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { post, type ProposalDetail } from './api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { centsOf, decimalOfCents, isUsdAmount, useMoney } from './money.ts';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

const today = () => new Date().toISOString().slice(0, 10);
const GRANTED = ['approved', 'in_preparation', 'completed', 'financed', 'cancelled'];

/** One small form of the secretariat's, with its own error and success line. */
function MiniForm({
  id,
  title,
  submit,
  done,
  children,
  onSubmit,
}: {
  id: string;
  title: string;
  submit: string;
  done: string | null;
  children: React.ReactNode;
  onSubmit: () => Promise<boolean>;
}) {
  const action = useAction();
  const [ok, setOk] = useState(false);
  const send = (event: FormEvent) => {
    event.preventDefault();
    setOk(false);
    void action.run(async () => {
      if (await onSubmit()) setOk(true);
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby={id} noValidate>
      <h3 id={id}>{title}</h3>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {ok && done ? (
        <p className="success-message" role="status">
          {done}
        </p>
      ) : null}
      {children}
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/**
 * The grant: its balances, milestones and ledger entries; the secretariat plans milestones,
 * records deliverables, disburses, and links a completed proposal to its investment.
 */
export function PreparationPanel({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const money = useMoney();
  const local = useLocalPath();
  const session = useSession();
  const manages = session.can('facility.manage');
  const base = `/proposals/${encodeURIComponent(detail.reference)}`;
  const [milestone, setMilestone] = useState({ title: '', dueOn: '', amountUsd: '' });
  const [met, setMet] = useState({ id: '', deliverable: '' });
  const [payment, setPayment] = useState({
    id: '',
    amountUsd: '',
    valueDate: today(),
    reference: '',
  });
  const [financing, setFinancing] = useState({ iatiIdentifier: '', amountUsd: '', financier: '' });
  const [fault, setFault] = useState<string | null>(null);

  if (!GRANTED.includes(detail.state)) return null;
  const { grant } = detail;
  const planned = detail.milestones.reduce((sum, m) => sum + centsOf(m.amountUsd), 0n);
  const unmet = detail.milestones.filter((m) => !m.metAt);
  const payable = detail.milestones.filter(
    (m) => m.metAt && centsOf(m.disbursedUsd) < centsOf(m.amountUsd),
  );
  const metId = met.id || String(unmet[0]?.id ?? '');
  const payId = payment.id || String(payable[0]?.id ?? '');
  const required = (value: string) => value.trim() !== '';
  const check = (ok: boolean, message: string) => {
    setFault(ok ? null : message);
    return ok;
  };

  return (
    <section className="card" aria-labelledby="proposal-grant">
      <h2 id="proposal-grant">{t('facility.grant.title')}</h2>
      <div className="money-figures">
        <Figures
          items={[
            { label: t('facility.grant.committed'), value: money.usd(grant.committedUsd) },
            { label: t('facility.grant.disbursed'), value: money.usd(grant.disbursedUsd) },
            { label: t('facility.grant.undisbursed'), value: money.usd(grant.undisbursedUsd) },
            { label: t('facility.grant.repaid'), value: money.usd(grant.repaidUsd) },
          ]}
        />
      </div>
      {detail.conditions ? (
        <p>
          <strong>{t('facility.proposal.conditions')}</strong> {detail.conditions}
        </p>
      ) : null}
      {detail.investment ? (
        <p>
          {t('facility.financing.linked', {
            amount: money.usd(detail.investment.amountUsd),
          })}{' '}
          <Link to={local(`/projects/${encodeURIComponent(detail.investment.iatiIdentifier)}`)}>
            {detail.investment.iatiIdentifier}
          </Link>
        </p>
      ) : null}
      <DataTable
        caption={t('facility.grant.milestones')}
        rows={detail.milestones}
        rowKey={(m) => String(m.id)}
        empty={t('facility.grant.noMilestones')}
        columns={[
          { key: 'title', header: t('facility.grant.milestone'), cell: (m) => m.title },
          { key: 'due', header: t('facility.grant.due'), cell: (m) => format.date(m.dueOn) },
          {
            key: 'amount',
            header: t('facility.grant.amount'),
            numeric: true,
            cell: (m) => money.usd(m.amountUsd),
          },
          {
            key: 'disbursed',
            header: t('facility.grant.disbursed'),
            numeric: true,
            cell: (m) => money.usd(m.disbursedUsd),
          },
          {
            key: 'met',
            header: t('facility.grant.deliverable'),
            cell: (m) =>
              m.metAt
                ? t('facility.grant.metOn', {
                    deliverable: m.deliverable,
                    date: format.date(m.metAt),
                  })
                : t('facility.grant.notMet'),
          },
        ]}
      />
      <p className="note">
        {t('facility.grant.planned', {
          planned: money.usdCents(Number(planned)),
          grant: money.usd(grant.committedUsd),
        })}
      </p>
      {detail.ledger.length > 0 ? (
        <DataTable
          caption={t('facility.ledger.title')}
          rows={detail.ledger}
          rowKey={(e) => String(e.id)}
          columns={[
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
              key: 'amount',
              header: t('facility.ledger.usd'),
              numeric: true,
              cell: (e) => money.usd(e.amountUsd),
            },
            {
              key: 'reference',
              header: t('facility.ledger.reference'),
              cell: (e) => e.reference ?? '',
            },
          ]}
        />
      ) : null}

      {manages && fault ? (
        <div className="error-message" role="alert">
          <p>{fault}</p>
        </div>
      ) : null}
      {manages && detail.state === 'approved' ? (
        <MiniForm
          id="milestone-title"
          title={t('facility.grant.plan')}
          submit={t('facility.grant.add')}
          done={t('facility.grant.added')}
          onSubmit={async () => {
            if (
              !check(
                required(milestone.title) &&
                  isUsdAmount(milestone.amountUsd) &&
                  required(milestone.dueOn),
                t('facility.grant.milestoneFault'),
              )
            )
              return false;
            await post(`${base}/milestones`, { ...milestone, title: milestone.title.trim() });
            setMilestone({ title: '', dueOn: '', amountUsd: '' });
            onChanged();
            return true;
          }}
        >
          <TextField
            id="milestone-name"
            label={t('facility.grant.milestone')}
            value={milestone.title}
            onChange={(title) => setMilestone({ ...milestone, title })}
          />
          <TextField
            id="milestone-due"
            label={t('facility.grant.due')}
            type="date"
            value={milestone.dueOn}
            onChange={(dueOn) => setMilestone({ ...milestone, dueOn })}
          />
          <TextField
            id="milestone-amount"
            label={t('facility.grant.amount')}
            hint={t('facility.grant.remaining', {
              amount: money.usd(decimalOfCents(centsOf(grant.committedUsd) - planned)),
            })}
            inputMode="decimal"
            value={milestone.amountUsd}
            onChange={(amountUsd) => setMilestone({ ...milestone, amountUsd })}
          />
        </MiniForm>
      ) : null}
      {manages && detail.state === 'in_preparation' && unmet.length > 0 ? (
        <MiniForm
          id="met-title"
          title={t('facility.grant.recordMet')}
          submit={t('facility.grant.markMet')}
          done={t('facility.grant.metDone')}
          onSubmit={async () => {
            if (!check(required(met.deliverable), t('facility.grant.deliverableFault')))
              return false;
            await post(`/milestones/${metId}/met`, { deliverable: met.deliverable.trim() });
            setMet({ id: '', deliverable: '' });
            onChanged();
            return true;
          }}
        >
          <SelectField
            id="met-milestone"
            label={t('facility.grant.milestone')}
            value={metId}
            onChange={(id) => setMet({ ...met, id })}
          >
            {unmet.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.title}
              </option>
            ))}
          </SelectField>
          <TextField
            id="met-deliverable"
            label={t('facility.grant.deliverable')}
            multiline
            value={met.deliverable}
            onChange={(deliverable) => setMet({ ...met, deliverable })}
          />
        </MiniForm>
      ) : null}
      {manages && detail.state === 'in_preparation' && payable.length > 0 ? (
        <MiniForm
          id="disburse-title"
          title={t('facility.grant.disburse')}
          submit={t('facility.grant.disburseButton')}
          done={t('facility.grant.disbursedDone')}
          onSubmit={async () => {
            if (
              !check(
                isUsdAmount(payment.amountUsd) && required(payment.valueDate),
                t('facility.grant.paymentFault'),
              )
            )
              return false;
            await post(`/milestones/${payId}/disbursements`, {
              amountUsd: payment.amountUsd.trim(),
              valueDate: payment.valueDate,
              ...(payment.reference.trim() ? { reference: payment.reference.trim() } : {}),
            });
            setPayment({ id: '', amountUsd: '', valueDate: today(), reference: '' });
            onChanged();
            return true;
          }}
        >
          <SelectField
            id="disburse-milestone"
            label={t('facility.grant.milestone')}
            value={payId}
            onChange={(id) => setPayment({ ...payment, id })}
          >
            {payable.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.title} (
                {money.usd(decimalOfCents(centsOf(m.amountUsd) - centsOf(m.disbursedUsd)))})
              </option>
            ))}
          </SelectField>
          <TextField
            id="disburse-amount"
            label={t('facility.grant.amount')}
            hint={t('facility.form.usdHint')}
            inputMode="decimal"
            value={payment.amountUsd}
            onChange={(amountUsd) => setPayment({ ...payment, amountUsd })}
          />
          <TextField
            id="disburse-date"
            label={t('facility.ledger.valueDate')}
            type="date"
            value={payment.valueDate}
            onChange={(valueDate) => setPayment({ ...payment, valueDate })}
          />
          <TextField
            id="disburse-reference"
            label={t('facility.ledger.reference')}
            value={payment.reference}
            onChange={(reference) => setPayment({ ...payment, reference })}
          />
        </MiniForm>
      ) : null}
      {manages && detail.allowedActions.includes('finance') ? (
        <MiniForm
          id="financing-title"
          title={t('facility.financing.title')}
          submit={t('facility.financing.record')}
          done={null}
          onSubmit={async () => {
            const amount = financing.amountUsd.trim();
            if (
              !check(
                required(financing.iatiIdentifier) && (!amount || isUsdAmount(amount)),
                t('facility.financing.fault'),
              )
            )
              return false;
            await post(`${base}/financing`, {
              iatiIdentifier: financing.iatiIdentifier.trim(),
              ...(amount ? { amountUsd: amount } : {}),
              ...(financing.financier.trim() ? { financier: financing.financier.trim() } : {}),
            });
            onChanged();
            return true;
          }}
        >
          <TextField
            id="financing-iati"
            label={t('facility.financing.iati')}
            value={financing.iatiIdentifier}
            onChange={(iatiIdentifier) => setFinancing({ ...financing, iatiIdentifier })}
          />
          <TextField
            id="financing-amount"
            label={t('facility.financing.amount')}
            hint={t('facility.financing.amountHint')}
            inputMode="decimal"
            value={financing.amountUsd}
            onChange={(amountUsd) => setFinancing({ ...financing, amountUsd })}
          />
          <TextField
            id="financing-financier"
            label={t('facility.financing.financier')}
            hint={t('facility.financing.financierHint')}
            value={financing.financier}
            onChange={(financier) => setFinancing({ ...financing, financier })}
          />
        </MiniForm>
      ) : null}
    </section>
  );
}
