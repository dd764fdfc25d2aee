import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Status.tsx';
import { post, type FundStatement, type LedgerRow } from './api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useMoney } from './money.ts';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

type EntryType = 'pledge' | 'receipt' | 'refund' | 'repayment';
const TYPES: readonly EntryType[] = ['pledge', 'receipt', 'refund', 'repayment'];
const contribution = (type: EntryType) => type === 'pledge' || type === 'receipt';
/** A positive decimal, as the ledger takes it (src/facility/currency.ts, `toMinorUnits`). */
const AMOUNT = /^\d{1,15}(\.\d+)?$/;

const blank = () => ({
  type: 'pledge' as EntryType,
  contributor: '',
  proposal: '',
  amount: '',
  currency: 'USD',
  usd: '',
  valueDate: new Date().toISOString().slice(0, 10),
  reference: '',
  memo: '',
});

/**
 * The secretariat's entries: a contributor's pledge or receipt (in its currency, with its dollar
 * value), or a grant's refund or repayment (in dollars). The ledger itself refuses what its
 * balances do not allow, and says why.
 */
export function LedgerEntryForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useFacilityText();
  const money = useMoney();
  const action = useAction();
  const [entry, setEntry] = useState(blank);
  const [faults, setFaults] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<{ entry: LedgerRow; statement: FundStatement } | null>(
    null,
  );
  const set = (patch: Partial<typeof entry>) => setEntry({ ...entry, ...patch });
  const isContribution = contribution(entry.type);
  const currency = isContribution ? entry.currency.trim().toUpperCase() : 'USD';

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('facility.form.errors.required');
    if (isContribution && !entry.contributor.trim()) found['contributor'] = required;
    if (!isContribution && !entry.proposal.trim()) found['proposal'] = required;
    if (!AMOUNT.test(entry.amount.trim()) || !/[1-9]/.test(entry.amount))
      found['amount'] = t('facility.ledger.amountFault');
    if (!/^[A-Z]{3}$/.test(currency)) found['currency'] = t('facility.ledger.currencyFault');
    if (currency !== 'USD' && entry.usd.trim() && !/^\d{1,13}(\.\d{1,2})?$/.test(entry.usd.trim()))
      found['usd'] = t('facility.form.errors.usd');
    if (!entry.valueDate) found['valueDate'] = t('facility.form.errors.date');
    setFaults(found);
    setRecorded(null);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      const answer = await post<{ entry: LedgerRow; statement: FundStatement }>('/ledger', {
        type: entry.type,
        ...(isContribution
          ? { contributor: entry.contributor.trim() }
          : { proposal: entry.proposal.trim() }),
        amount: entry.amount.trim(),
        currency,
        ...(currency !== 'USD' && entry.usd.trim() ? { usd: entry.usd.trim() } : {}),
        valueDate: entry.valueDate,
        ...(entry.reference.trim() ? { reference: entry.reference.trim() } : {}),
        ...(entry.memo.trim() ? { memo: entry.memo.trim() } : {}),
      });
      setRecorded(answer);
      setEntry(blank());
      onRecorded();
    });
  };

  return (
    <form className="card stack" onSubmit={send} aria-labelledby="entry-title" noValidate>
      <h2 id="entry-title">{t('facility.ledger.record')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {recorded ? (
        <p className="success-message" role="status">
          {t('facility.ledger.recorded', {
            id: recorded.entry.id,
            available: money.usd(recorded.statement.balances.available),
          })}
        </p>
      ) : null}
      <SelectField
        id="entry-type"
        label={t('facility.ledger.type')}
        value={entry.type}
        onChange={(v) => set({ type: v as EntryType })}
      >
        {TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`facility.ledger.types.${type}`)}
          </option>
        ))}
      </SelectField>
      {isContribution ? (
        <TextField
          id="entry-contributor"
          label={t('facility.ledger.contributor')}
          hint={t('facility.ledger.contributorHint')}
          value={entry.contributor}
          onChange={(contributor) => set({ contributor })}
          error={faults['contributor']}
        />
      ) : (
        <TextField
          id="entry-proposal"
          label={t('facility.ledger.proposal')}
          hint={t('facility.ledger.proposalHint')}
          value={entry.proposal}
          onChange={(proposal) => set({ proposal })}
          error={faults['proposal']}
        />
      )}
      <div className="form-row">
        <TextField
          id="entry-amount"
          label={t('facility.ledger.amount')}
          inputMode="decimal"
          value={entry.amount}
          onChange={(amount) => set({ amount })}
          error={faults['amount']}
        />
        {isContribution ? (
          <TextField
            id="entry-currency"
            label={t('facility.ledger.currency')}
            value={entry.currency}
            onChange={(value) => set({ currency: value })}
            error={faults['currency']}
          />
        ) : null}
      </div>
      {currency !== 'USD' ? (
        <TextField
          id="entry-usd"
          label={t('facility.ledger.usd')}
          hint={t('facility.ledger.usdHint')}
          inputMode="decimal"
          value={entry.usd}
          onChange={(usd) => set({ usd })}
          error={faults['usd']}
        />
      ) : null}
      <TextField
        id="entry-date"
        label={t('facility.ledger.valueDate')}
        type="date"
        value={entry.valueDate}
        onChange={(valueDate) => set({ valueDate })}
        error={faults['valueDate']}
      />
      <TextField
        id="entry-reference"
        label={t('facility.ledger.reference')}
        value={entry.reference}
        onChange={(reference) => set({ reference })}
      />
      <TextField
        id="entry-memo"
        label={t('facility.ledger.memo')}
        multiline
        value={entry.memo}
        onChange={(memo) => set({ memo })}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('facility.ledger.submit')}
        </button>
      </div>
    </form>
  );
}
