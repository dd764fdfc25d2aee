import { useState, type FormEvent } from 'react';
import { MEMBERS, useNames } from '../../app/names.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useAction } from '../../components/useAction.ts';
import { PROGRAMME, recordValue, VALUE_KINDS, type Indicator, type ValueKind } from './api.ts';
import { useResultsText } from './text.ts';

/** A decimal as the API takes it (src/portfolio/money.ts, isDecimal); a comma is read as a point. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The secretariat records a baseline, target or actual of an indicator for a member (or the
 * programme) and a year; the indicator and country are the page's, from its address.
 */
export function ValueForm({
  indicator,
  country,
  onRecorded,
}: {
  indicator: Indicator;
  country: string;
  onRecorded: (message: string) => void;
}) {
  const { t, i18n } = useResultsText();
  const names = useNames();
  const action = useAction();
  const [year, setYear] = useState(String(new Date().getUTCFullYear() - 1));
  const [kind, setKind] = useState<ValueKind>('actual');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [faults, setFaults] = useState<Record<string, string>>({});
  const unit = i18n.language === 'ru' ? indicator.unit.ru : indicator.unit.en;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const number = value.trim().replace(',', '.');
    const y = Number(year);
    if (!Number.isInteger(y) || y < 1990 || y > 2100)
      found['year'] = t('results.workspace.errors.year');
    if (!DECIMAL.test(number)) found['value'] = t('results.workspace.errors.value');
    setFaults(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      const recorded = await recordValue({
        indicator: indicator.code,
        country,
        year: y,
        kind,
        value: number,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setValue('');
      setNote('');
      onRecorded(
        t('results.workspace.recorded', {
          kind: t(`results.workspace.kinds.${recorded.kind}`),
          value: recorded.value,
          country: recorded.country === PROGRAMME ? PROGRAMME : names.country(recorded.country),
          year: recorded.year,
        }),
      );
    });
  };

  return (
    <form className="card stack" onSubmit={send} noValidate aria-labelledby="value-form-title">
      <h2 id="value-form-title">{t('results.workspace.record')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <div className="form-row">
        <TextField
          id="value-year"
          label={t('results.workspace.year')}
          type="number"
          value={year}
          onChange={setYear}
          error={faults['year']}
        />
        <SelectField
          id="value-kind"
          label={t('results.workspace.kind')}
          value={kind}
          onChange={(k) => setKind(k as ValueKind)}
        >
          {VALUE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`results.workspace.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        id="value-value"
        label={t('results.workspace.value')}
        hint={t('results.workspace.valueHint', { unit })}
        inputMode="decimal"
        value={value}
        onChange={setValue}
        error={faults['value']}
      />
      <TextField
        id="value-note"
        label={t('results.workspace.note')}
        hint={t('results.workspace.noteHint')}
        multiline
        value={note}
        onChange={setNote}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('results.workspace.record')}
        </button>
      </div>
    </form>
  );
}

/** The countries values are recorded for: the programme first, then the members. */
export const VALUE_COUNTRIES = [PROGRAMME, ...MEMBERS.map((c) => c.iso2)];
