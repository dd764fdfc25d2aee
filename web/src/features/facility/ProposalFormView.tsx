import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CODELISTS, WITHDRAWN_CODES } from '../../../../src/reference/codes.ts';
import { ORGANISATIONS } from '../../../../src/reference/organisations.ts';
import { useCodeNames } from '../../app/codes.ts';
import { CLUSTERS, MEMBERS, useNames } from '../../app/names.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useMoney } from './money.ts';
import {
  contentOf,
  emptyCofinancing,
  emptyPreparation,
  emptySector,
  LIMITS,
  missingForSubmission,
  requestedOf,
  sectorTotal,
  validate,
  type FieldErrors,
  type PreparationKind,
  type ProposalForm,
} from './proposalForm.ts';
import type { ProposalContent } from './api.ts';
import { useFacilityText } from './text.ts';

const PREPARATION_KINDS: readonly PreparationKind[] = [
  'feasibility_study',
  'esia',
  'climate_risk_assessment',
  'detailed_design',
  'transaction_advice',
];

/** DAC 5-digit sectors in use (withdrawn codes left out), by their 3-digit category. */
const SECTORS_BY_CATEGORY = (() => {
  const withdrawn = WITHDRAWN_CODES.Sector ?? new Set<string>();
  const groups = new Map<string, string[]>();
  for (const code of CODELISTS.Sector.keys()) {
    if (withdrawn.has(code)) continue;
    const list = groups.get(code.slice(0, 3)) ?? [];
    list.push(code);
    groups.set(code.slice(0, 3), list);
  }
  return [...groups];
})();

/**
 * The proposal's content as a form, checked as the API checks it before anything is sent, with
 * what a submission still needs listed as the focal point types.
 */
export function ProposalFormView({
  initial,
  lead,
  saveLabel,
  apiError,
  busy,
  onSave,
}: {
  initial: ProposalForm;
  lead: string;
  saveLabel: string;
  apiError: unknown;
  busy: boolean;
  onSave: (content: ProposalContent) => void;
}) {
  const { t } = useFacilityText();
  const names = useNames();
  const codes = useCodeNames();
  const money = useMoney();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof ProposalForm>(key: K, value: ProposalForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (tried) setErrors(validate(next, lead));
  };
  const setRow = <K extends 'sectors' | 'preparation' | 'cofinancing'>(
    key: K,
    index: number,
    patch: Partial<ProposalForm[K][number]>,
  ) =>
    set(
      key,
      form[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) as ProposalForm[K],
    );
  const removeRow = (key: 'sectors' | 'preparation' | 'cofinancing', index: number) =>
    set(key, form[key].filter((_, i) => i !== index) as never);
  const error = (id: string) => {
    const fault = errors[id];
    return fault ? t(`facility.form.errors.${fault.message}`, fault.values ?? {}) : null;
  };

  const organisations = useMemo(
    () =>
      ORGANISATIONS.filter((o) => o.role !== 'programme')
        .map((o) => ({ ref: o.ref, name: names.partner(o.ref) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [names],
  );
  const faults = validate(form, lead);
  // What submission will need, read from the form as it stands (faults or not).
  const missing = missingForSubmission(contentOf(form));

  const save = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setErrors(faults);
    if (Object.keys(faults).length > 0) {
      // Focus the first field at fault, after React has marked it.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    onSave(contentOf(form));
  };

  return (
    <form ref={formRef} className="proposal-form" onSubmit={save} noValidate>
      {tried && Object.keys(errors).length > 0 ? (
        <div className="error-message" role="alert">
          <p className="error-heading">{t('facility.form.fix')}</p>
        </div>
      ) : null}
      {apiError ? <ErrorMessage error={apiError} /> : null}

      <fieldset className="card">
        <legend>{t('facility.form.about')}</legend>
        <div className="form-grid">
          <TextField
            id="p-title-en"
            label={t('facility.form.titleEn')}
            required
            value={form.titleEn}
            onChange={(v) => set('titleEn', v)}
            error={error('titleEn')}
          />
          <TextField
            id="p-title-ru"
            label={t('facility.form.titleRu')}
            value={form.titleRu}
            onChange={(v) => set('titleRu', v)}
            error={error('titleRu')}
          />
          <TextField
            id="p-summary-en"
            label={t('facility.form.summaryEn')}
            multiline
            value={form.summaryEn}
            onChange={(v) => set('summaryEn', v)}
            error={error('summaryEn')}
          />
          <TextField
            id="p-summary-ru"
            label={t('facility.form.summaryRu')}
            multiline
            value={form.summaryRu}
            onChange={(v) => set('summaryRu', v)}
            error={error('summaryRu')}
          />
        </div>
        <fieldset
          className="choice-group"
          aria-describedby={error('countries') ? 'p-countries-error' : 'p-countries-hint'}
        >
          <legend>{t('facility.form.countries')}</legend>
          <span className="field-hint" id="p-countries-hint">
            {t('facility.form.countriesHint', { country: names.country(lead) })}
          </span>
          <div className="choices">
            {MEMBERS.map((c) => (
              <label key={c.iso2}>
                <input
                  type="checkbox"
                  checked={form.countries.includes(c.iso2)}
                  disabled={c.iso2 === lead}
                  onChange={(e) =>
                    set(
                      'countries',
                      e.target.checked
                        ? [...form.countries, c.iso2]
                        : form.countries.filter((x) => x !== c.iso2),
                    )
                  }
                />{' '}
                {names.country(c.iso2)}
              </label>
            ))}
          </div>
          {error('countries') ? (
            <span className="field-error" id="p-countries-error">
              {error('countries')}
            </span>
          ) : null}
        </fieldset>
        <SelectField
          id="p-cluster"
          label={t('facility.form.cluster')}
          value={form.cluster}
          onChange={(v) => set('cluster', v)}
        >
          <option value="">{t('facility.form.noCluster')}</option>
          {CLUSTERS.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {c.code}. {names.cluster(c.code)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="card">
        <legend>{t('facility.form.sectors')}</legend>
        {form.sectors.map((s, i) => (
          <div className="form-row" key={i}>
            <SelectField
              id={`p-sector-${i}`}
              label={t('facility.form.sector', { n: i + 1 })}
              value={s.code}
              onChange={(code) => setRow('sectors', i, { code })}
              error={error(`sectors.${i}.code`)}
            >
              <option value="">{t('facility.form.choose')}</option>
              {SECTORS_BY_CATEGORY.map(([category, list]) => (
                <optgroup key={category} label={codes.sectorCategory(category)}>
                  {list.map((code) => (
                    <option key={code} value={code}>
                      {code} {codes.sector(code)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <TextField
              id={`p-sector-${i}-percentage`}
              label={t('facility.form.percentage')}
              type="number"
              value={s.percentage}
              onChange={(percentage) => setRow('sectors', i, { percentage })}
              error={error(`sectors.${i}.percentage`)}
            />
            <button
              type="button"
              className="button secondary"
              onClick={() => removeRow('sectors', i)}
            >
              {t('facility.form.remove')}
              <span className="visually-hidden"> {t('facility.form.sector', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        <div className="actions">
          {form.sectors.length < LIMITS.sectors ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => set('sectors', [...form.sectors, emptySector()])}
            >
              {t('facility.form.addSector')}
            </button>
          ) : null}
          {form.sectors.length > 0 ? (
            <span className="note">
              {t('facility.form.sectorTotal', { total: sectorTotal(form.sectors) })}
            </span>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('facility.form.relevance')}</legend>
        <fieldset className="choice-group">
          <legend>{t('facility.form.markers')}</legend>
          <div className="choices">
            {(['mitigation', 'adaptation', 'disasterRisk'] as const).map((marker) => (
              <label key={marker}>
                <input
                  type="checkbox"
                  checked={form[marker]}
                  onChange={(e) => set(marker, e.target.checked)}
                />{' '}
                {t(`facility.markers.${marker}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <TextField
            id="p-climate-share"
            label={t('facility.form.climateShare')}
            hint={t('facility.form.climateShareHint')}
            type="number"
            value={form.climateShare}
            onChange={(v) => set('climateShare', v)}
            error={error('climateShare')}
          />
          <TextField
            id="p-climate-rationale"
            label={t('facility.form.climateRationale')}
            multiline
            value={form.climateRationale}
            onChange={(v) => set('climateRationale', v)}
            error={error('climateRationale')}
          />
          <TextField
            id="p-sustainable"
            label={t('facility.form.sustainable')}
            hint={t('facility.form.sustainableHint')}
            multiline
            value={form.sustainableDevelopment}
            onChange={(v) => set('sustainableDevelopment', v)}
            error={error('sustainableDevelopment')}
          />
          <TextField
            id="p-regional"
            label={t('facility.form.regionalBenefit')}
            hint={t('facility.form.regionalBenefitHint')}
            multiline
            value={form.regionalBenefit}
            onChange={(v) => set('regionalBenefit', v)}
            error={error('regionalBenefit')}
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('facility.form.investment')}</legend>
        <div className="form-grid">
          <TextField
            id="p-investment"
            label={t('facility.form.investmentDescription')}
            multiline
            value={form.investmentDescription}
            onChange={(v) => set('investmentDescription', v)}
            error={error('investmentDescription')}
          />
          <TextField
            id="p-investment-size"
            label={t('facility.form.investmentSize')}
            hint={t('facility.form.usdHint')}
            inputMode="decimal"
            value={form.investmentSize}
            onChange={(v) => set('investmentSize', v)}
            error={error('investmentSize')}
          />
          <SelectField
            id="p-financier"
            label={t('facility.form.financier')}
            value={form.likelyFinancier}
            onChange={(v) => set('likelyFinancier', v)}
            error={error('likelyFinancier')}
          >
            <option value="">{t('facility.form.choose')}</option>
            {organisations.map((o) => (
              <option key={o.ref} value={o.ref}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('facility.form.preparation')}</legend>
        {form.preparation.map((p, i) => (
          <fieldset className="form-item" key={i}>
            <legend>{t('facility.form.item', { n: i + 1 })}</legend>
            <div className="form-grid">
              <SelectField
                id={`p-prep-${i}-kind`}
                label={t('facility.form.kind')}
                value={p.kind}
                onChange={(kind) => setRow('preparation', i, { kind: kind as PreparationKind })}
                error={error(`preparation.${i}.kind`)}
              >
                <option value="">{t('facility.form.choose')}</option>
                {PREPARATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`facility.kinds.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`p-prep-${i}-budget`}
                label={t('facility.form.budget')}
                hint={t('facility.form.usdHint')}
                inputMode="decimal"
                value={p.budgetUsd}
                onChange={(budgetUsd) => setRow('preparation', i, { budgetUsd })}
                error={error(`preparation.${i}.budgetUsd`)}
              />
              <TextField
                id={`p-prep-${i}-description`}
                label={t('facility.form.description')}
                multiline
                value={p.description}
                onChange={(description) => setRow('preparation', i, { description })}
                error={error(`preparation.${i}.description`)}
              />
              <div className="form-row">
                <TextField
                  id={`p-prep-${i}-start`}
                  label={t('facility.form.start')}
                  type="date"
                  value={p.start}
                  onChange={(start) => setRow('preparation', i, { start })}
                  error={error(`preparation.${i}.start`)}
                />
                <TextField
                  id={`p-prep-${i}-end`}
                  label={t('facility.form.end')}
                  type="date"
                  value={p.end}
                  onChange={(end) => setRow('preparation', i, { end })}
                  error={error(`preparation.${i}.end`)}
                />
              </div>
            </div>
            <button
              type="button"
              className="button secondary"
              onClick={() => removeRow('preparation', i)}
            >
              {t('facility.form.remove')}
              <span className="visually-hidden"> {t('facility.form.item', { n: i + 1 })}</span>
            </button>
          </fieldset>
        ))}
        <div className="actions">
          {form.preparation.length < LIMITS.preparation ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => set('preparation', [...form.preparation, emptyPreparation()])}
            >
              {t('facility.form.addItem')}
            </button>
          ) : null}
          <span className="note" aria-live="polite">
            {t('facility.form.requested', { amount: money.usd(requestedOf(form.preparation)) })}
          </span>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('facility.form.cofinancing')}</legend>
        {form.cofinancing.map((c, i) => (
          <div className="form-row" key={i}>
            <TextField
              id={`p-cofi-${i}-source`}
              label={t('facility.form.source', { n: i + 1 })}
              hint={t('facility.form.sourceHint')}
              value={c.source}
              onChange={(source) => setRow('cofinancing', i, { source })}
              error={error(`cofinancing.${i}.source`)}
            />
            <TextField
              id={`p-cofi-${i}-amount`}
              label={t('facility.form.amount')}
              hint={t('facility.form.usdHint')}
              inputMode="decimal"
              value={c.amountUsd}
              onChange={(amountUsd) => setRow('cofinancing', i, { amountUsd })}
              error={error(`cofinancing.${i}.amountUsd`)}
            />
            <button
              type="button"
              className="button secondary"
              onClick={() => removeRow('cofinancing', i)}
            >
              {t('facility.form.remove')}
              <span className="visually-hidden"> {t('facility.form.source', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        {form.cofinancing.length < LIMITS.cofinancing ? (
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => set('cofinancing', [...form.cofinancing, emptyCofinancing()])}
            >
              {t('facility.form.addCofinancing')}
            </button>
          </div>
        ) : null}
      </fieldset>

      <section className="card" aria-labelledby="p-readiness">
        <h2 id="p-readiness">{t('facility.form.readiness')}</h2>
        {missing.length === 0 ? (
          <p className="success-message">{t('facility.form.complete')}</p>
        ) : (
          <>
            <p className="note">{t('facility.form.missingLead')}</p>
            <ul className="plain-list">
              {missing.map((m) => (
                <li key={m.key}>{t(`facility.form.missing.${m.key}`, m.values ?? {})}</li>
              ))}
            </ul>
          </>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {saveLabel}
          </button>
        </div>
      </section>
    </form>
  );
}
