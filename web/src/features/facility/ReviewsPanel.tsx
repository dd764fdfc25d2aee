import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { post, useRules, type ProposalDetail, type RulesAnswer } from './api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

type Criterion = RulesAnswer['scoring']['criteria'][number];

/** A criterion's name in the reader's language, as the rules document gives it. */
function useCriterionName(): (criterion: Criterion) => string {
  const { i18n } = useTranslation();
  return (criterion) => (i18n.language === 'ru' ? criterion.ru : criterion.en);
}

/** The weighted score of whole points, as the API computes it (two decimals). */
export function weighted(criteria: readonly Criterion[], points: Record<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    total += (points[c.id] ?? 0) * c.weight;
    weights += c.weight;
  }
  return Math.round((total * 100) / weights) / 100;
}

/** A reviewer's scores against the rubric: every criterion a whole number on the scale. */
function ScoringForm({
  detail,
  rules,
  onChanged,
}: {
  detail: ProposalDetail;
  rules: RulesAnswer;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const name = useCriterionName();
  const action = useAction();
  const { criteria, scale } = rules.scoring;
  const [points, setPoints] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const given = criteria.every((c) => points[c.id] !== undefined && points[c.id] !== '');
  const values = Object.fromEntries(criteria.map((c) => [c.id, Number(points[c.id] ?? 0)]));
  const steps: number[] = [];
  for (let p = scale.min; p <= scale.max; p++) steps.push(p);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!given) return;
    void action.run(async () => {
      await post(`/proposals/${encodeURIComponent(detail.reference)}/scores`, {
        scores: values,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onChanged();
    });
  };

  return (
    <form className="stack score-form" onSubmit={submit} aria-labelledby="score-title" noValidate>
      <h3 id="score-title">{t('facility.reviews.score')}</h3>
      <p className="note">{t('facility.reviews.scale', { min: scale.min, max: scale.max })}</p>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {criteria.map((c) => (
        <SelectField
          key={c.id}
          id={`score-${c.id}`}
          label={`${name(c)} (${t('facility.reviews.weight', { weight: c.weight })})`}
          value={points[c.id] ?? ''}
          onChange={(v) => setPoints({ ...points, [c.id]: v })}
          error={tried && !points[c.id] ? t('facility.reviews.pointsRequired') : null}
        >
          <option value="">{t('facility.form.choose')}</option>
          {steps.map((p) => (
            <option key={p} value={String(p)}>
              {p}
            </option>
          ))}
        </SelectField>
      ))}
      <TextField
        id="score-comment"
        label={t('facility.reviews.comment')}
        multiline
        value={comment}
        onChange={setComment}
      />
      <p className="note" aria-live="polite">
        {given
          ? t('facility.reviews.preview', { score: format.number(weighted(criteria, values)) })
          : null}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('facility.reviews.submit')}
        </button>
      </div>
    </form>
  );
}

/** How the proposal was scored, as much as the caller may see; the scoring form for reviewers. */
export function ReviewsPanel({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const session = useSession();
  const rules = useRules();
  const name = useCriterionName();
  const { scores } = detail;
  const me = session.user?.email;
  const ownCountry = (session.user?.grants ?? []).some(
    (g) =>
      g.role === 'reviewer' && g.country && detail.countries.some((c) => c.country === g.country),
  );
  const mayScore =
    session.can('facility.review') &&
    detail.state === 'technical_review' &&
    !scores.scores.some((s) => s.reviewer === me);
  const criteria = rules.data?.scoring.criteria ?? [];

  return (
    <section className="card" aria-labelledby="proposal-reviews">
      <h2 id="proposal-reviews">{t('facility.reviews.title')}</h2>
      <p className="note">
        {t('facility.reviews.count', { received: scores.received, required: scores.required })}
        {scores.average !== null
          ? ` · ${t('facility.reviews.average', { score: format.number(scores.average) })}`
          : ` · ${t('facility.reviews.hidden')}`}
      </p>
      {scores.scores.length > 0 ? (
        <DataTable
          caption={t('facility.reviews.title')}
          captionHidden
          rows={scores.scores}
          rowKey={(s) => s.reviewer}
          columns={[
            { key: 'reviewer', header: t('facility.reviews.reviewer'), cell: (s) => s.reviewer },
            ...criteria.map((c) => ({
              key: c.id,
              header: name(c),
              numeric: true,
              cell: (s: (typeof scores.scores)[number]) => s.scores[c.id] ?? '—',
            })),
            {
              key: 'weighted',
              header: t('facility.reviews.weighted'),
              numeric: true,
              cell: (s) => format.number(s.weighted),
            },
            { key: 'comment', header: t('facility.reviews.comment'), cell: (s) => s.comment ?? '' },
            {
              key: 'at',
              header: t('facility.reviews.submitted'),
              cell: (s) => format.date(s.submittedAt),
            },
          ]}
        />
      ) : null}
      {mayScore ? (
        ownCountry ? (
          <p className="note">{t('facility.reviews.conflict')}</p>
        ) : rules.state === 'failed' ? (
          <ErrorMessage error={rules.error} />
        ) : rules.data ? (
          <ScoringForm detail={detail} rules={rules.data} onChanged={onChanged} />
        ) : null
      ) : null}
    </section>
  );
}
