import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/fields.tsx';
import { useAction } from '../../components/useAction.ts';
import { putShares, type SharesView } from './api.ts';
import { useClimateText } from './text.ts';

/** A percentage as the API takes it (src/climate/percent.ts): 0–100, two decimals at most. */
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

interface Row {
  component: string;
  componentPercent: string;
  mitigationPercent: string;
  adaptationPercent: string;
  dualPercent: string;
}

const blankRow = (): Row => ({
  component: '',
  componentPercent: '',
  mitigationPercent: '',
  adaptationPercent: '',
  dualPercent: '',
});

export interface SharesDraft {
  iatiIdentifier: string;
  source: string;
  assessedOn: string;
  rows: Row[];
}

export const blankDraft = (): SharesDraft => ({
  iatiIdentifier: '',
  source: '',
  assessedOn: new Date().toISOString().slice(0, 10),
  rows: [blankRow()],
});

export const draftOf = (shares: SharesView): SharesDraft => ({
  iatiIdentifier: shares.iatiIdentifier,
  source: shares.source,
  assessedOn: shares.assessedOn,
  rows: shares.components.map((c) => ({
    ...c,
    componentPercent: c.component ? c.componentPercent : '',
  })),
});

const isPercent = (text: string) => PERCENT.test(text.trim()) && Number(text) <= 100;

/**
 * The secretariat records an activity's climate shares by component (or for the activity as a
 * whole), checked as the API checks them before sending; the API's own refusal is shown as sent.
 */
export function SharesForm({
  draft,
  onDraft,
  onSaved,
}: {
  draft: SharesDraft;
  onDraft: (draft: SharesDraft) => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useClimateText();
  const action = useAction();
  const [faults, setFaults] = useState<Record<string, string>>({});
  const set = (patch: Partial<SharesDraft>) => onDraft({ ...draft, ...patch });
  const setRow = (index: number, patch: Partial<Row>) =>
    set({ rows: draft.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('climate.shares.errors.required');
    if (!draft.iatiIdentifier.trim()) found['activity'] = required;
    if (!draft.source.trim()) found['source'] = required;
    if (!draft.assessedOn) found['assessedOn'] = t('climate.shares.errors.date');
    draft.rows.forEach((row, i) => {
      for (const key of ['mitigationPercent', 'adaptationPercent'] as const) {
        if (!isPercent(row[key])) found[`${i}.${key}`] = t('climate.shares.errors.percent');
      }
      for (const key of ['dualPercent', 'componentPercent'] as const) {
        if (row[key].trim() && !isPercent(row[key]))
          found[`${i}.${key}`] = t('climate.shares.errors.percent');
      }
      const sum =
        Number(row.mitigationPercent) +
        Number(row.adaptationPercent) +
        Number(row.dualPercent || 0);
      if (!found[`${i}.mitigationPercent`] && sum > 100)
        found[`${i}.dualPercent`] = t('climate.shares.errors.over');
    });
    setFaults(found);
    if (Object.keys(found).length > 0) return;
    const id = draft.iatiIdentifier.trim();
    void action.run(async () => {
      const answer = await putShares(id, {
        source: draft.source.trim(),
        assessedOn: draft.assessedOn,
        components: draft.rows.map((r) => ({
          ...(r.component.trim() ? { component: r.component.trim() } : {}),
          ...(r.componentPercent.trim() ? { componentPercent: r.componentPercent.trim() } : {}),
          mitigationPercent: r.mitigationPercent.trim(),
          adaptationPercent: r.adaptationPercent.trim(),
          ...(r.dualPercent.trim() ? { dualPercent: r.dualPercent.trim() } : {}),
        })),
      });
      onSaved(t(`climate.shares.outcomes.${answer.outcome}`, { id }));
    });
  };

  return (
    <form
      className="card stack shares-form"
      onSubmit={send}
      noValidate
      aria-labelledby="shares-form-title"
    >
      <h2 id="shares-form-title">{t('climate.shares.save')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <TextField
        id="shares-activity"
        label={t('climate.shares.activity')}
        hint={t('climate.shares.activityHint')}
        value={draft.iatiIdentifier}
        onChange={(iatiIdentifier) => set({ iatiIdentifier })}
        error={faults['activity']}
      />
      <TextField
        id="shares-source"
        label={t('climate.shares.source')}
        hint={t('climate.shares.sourceHint')}
        value={draft.source}
        onChange={(source) => set({ source })}
        error={faults['source']}
      />
      <TextField
        id="shares-date"
        label={t('climate.shares.assessedOn')}
        type="date"
        value={draft.assessedOn}
        onChange={(assessedOn) => set({ assessedOn })}
        error={faults['assessedOn']}
      />
      <div className="share-components">
        {draft.rows.map((row, i) => {
          const field = (key: keyof Row, label: string, hint?: string) => (
            <TextField
              id={`shares-${i}-${key}`}
              label={label}
              {...(hint ? { hint } : {})}
              inputMode={key === 'component' ? 'text' : 'decimal'}
              value={row[key]}
              onChange={(value) => setRow(i, { [key]: value })}
              error={faults[`${i}.${key}`]}
            />
          );
          return (
            <fieldset key={i}>
              <legend>{t('climate.shares.componentN', { n: i + 1 })}</legend>
              {field('component', t('climate.shares.component'), t('climate.shares.componentHint'))}
              <div className="form-row">
                {field('componentPercent', t('climate.shares.componentPercent'))}
                {field('mitigationPercent', t('climate.shares.mitigationPercent'))}
                {field('adaptationPercent', t('climate.shares.adaptationPercent'))}
                {field('dualPercent', t('climate.shares.dualPercent'))}
              </div>
              {draft.rows.length > 1 ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => set({ rows: draft.rows.filter((_, j) => j !== i) })}
                >
                  {t('climate.shares.removeComponent')}
                </button>
              ) : null}
            </fieldset>
          );
        })}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => set({ rows: [...draft.rows, blankRow()] })}
        >
          {t('climate.shares.addComponent')}
        </button>
        <button type="submit" className="button" disabled={action.busy}>
          {t('climate.shares.save')}
        </button>
      </div>
    </form>
  );
}
