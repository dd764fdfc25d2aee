import '../../components/fields.css';
import { useEffect, useState, type FormEvent } from 'react';
import { ACTIONS } from '../../../../src/facility/workflow.ts';
import { useNames } from '../../app/names.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLocalPath } from '../../app/url.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { post, type ProposalAction, type ProposalDetail } from './api.ts';
import { missingForSubmission } from './proposalForm.ts';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

/** States in which a named country may still endorse (src/facility/proposal.service.ts). */
const ENDORSING = ['draft', 'returned', 'submitted', 'screening'];

/** Countries the signed-in focal point may endorse this proposal for now. */
function endorsable(detail: ProposalDetail, focalCountries: readonly string[]): string[] {
  if (!ENDORSING.includes(detail.state)) return [];
  return detail.countries
    .filter((c) => c.endorsedBy === null && focalCountries.includes(c.country))
    .filter((c) => detail.state !== 'draft' || c.country === detail.leadCountry)
    .map((c) => c.country);
}

/**
 * The workflow actions the API says this caller may take now, as buttons; actions that need a
 * reason ask for it first. Decisions and financing have their own forms on the page.
 */
export function WorkflowActions({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const session = useSession();
  const names = useNames();
  const local = useLocalPath();
  const action = useAction();
  const [asking, setAsking] = useState<ProposalAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const base = `/proposals/${encodeURIComponent(detail.reference)}`;
  const { setError } = action;
  // A refusal stands until the proposal changes (here or in another panel of the page).
  useEffect(() => setError(null), [detail, setError]);

  const focalCountries = (session.user?.grants ?? [])
    .filter((g) => g.role === 'focal_point' && g.country)
    .map((g) => g.country!);
  const endorse = endorsable(detail, focalCountries);
  const transitions = detail.allowedActions.filter((a) => ACTIONS[a].route === 'transition');
  const decided = detail.allowedActions.some((a) => ACTIONS[a].route === 'decision');
  const missing = detail.allowedActions.includes('submit')
    ? missingForSubmission(detail.content)
    : [];

  const take = (name: ProposalAction, why?: string) =>
    action.run(async () => {
      await post(`${base}/transitions`, { action: name, ...(why ? { reason: why } : {}) });
      setAsking(null);
      setReason('');
      onChanged();
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!asking) return;
    if (!reason.trim()) {
      setReasonError(true);
      return;
    }
    void take(asking, reason.trim());
  };

  if (transitions.length === 0 && endorse.length === 0 && !decided) return null;
  return (
    <section className="card" aria-labelledby="proposal-actions">
      <h2 id="proposal-actions">{t('facility.proposal.actions')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {missing.length > 0 ? (
        <div className="note">
          <p>{t('facility.form.missingLead')}</p>
          <ul className="plain-list">
            {missing.map((m) => (
              <li key={m.key}>{t(`facility.form.missing.${m.key}`, m.values ?? {})}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        {detail.allowedActions.includes('submit') ? (
          <Link
            className="button secondary"
            to={local(`/workspace/facility/proposals/${encodeURIComponent(detail.reference)}/edit`)}
          >
            {t('facility.proposal.edit')}
          </Link>
        ) : null}
        {endorse.map((country) => (
          <button
            key={country}
            type="button"
            className="button secondary"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await post(`${base}/endorsements`, { country });
                onChanged();
              })
            }
          >
            {t('facility.proposal.endorse', { country: names.country(country) })}
          </button>
        ))}
        {transitions.map((name) => (
          <button
            key={name}
            type="button"
            className={ACTIONS[name].needsReason ? 'button danger' : 'button'}
            disabled={action.busy || (name === 'submit' && missing.length > 0)}
            aria-expanded={ACTIONS[name].needsReason ? asking === name : undefined}
            onClick={() => {
              if (ACTIONS[name].needsReason) {
                setAsking(asking === name ? null : name);
                setReasonError(false);
              } else void take(name);
            }}
          >
            {t(`facility.actions.${name}`)}
          </button>
        ))}
      </div>
      {decided ? (
        <p className="note">
          {t('facility.proposal.decidedInMeeting')}{' '}
          <Link to={local('/workspace/facility/meetings')}>{t('facility.workspace.meetings')}</Link>
        </p>
      ) : null}
      {asking ? (
        <form className="stack reason-form" onSubmit={confirm}>
          <div className="field">
            <label htmlFor="action-reason">
              {t('facility.reason.label', { action: t(`facility.actions.${asking}`) })}
            </label>
            <textarea
              id="action-reason"
              rows={3}
              value={reason}
              aria-invalid={reasonError || undefined}
              aria-describedby={reasonError ? 'action-reason-error' : 'action-reason-hint'}
              onChange={(e) => setReason(e.target.value)}
            />
            <span className="field-hint" id="action-reason-hint">
              {t('facility.reason.hint')}
            </span>
            {reasonError ? (
              <span className="field-error" id="action-reason-error">
                {t('facility.reason.required')}
              </span>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button danger" disabled={action.busy}>
              {t(`facility.actions.${asking}`)}
            </button>
            <button type="button" className="button secondary" onClick={() => setAsking(null)}>
              {t('facility.reason.keep')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
