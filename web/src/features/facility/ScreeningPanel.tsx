import { useState, type FormEvent } from 'react';
import { useFormat } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { post, type ProposalDetail } from './api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

type Verdict = NonNullable<ProposalDetail['screening']>['verdicts'][number];

/** The API's shortest override reason (src/facility/screening.service.ts). */
const MIN_REASON = 10;

const RULES = [
  'member_countries',
  'relevance',
  'regional',
  'cap_per_proposal',
  'cap_per_country_year',
  'required_documents',
  'endorsements',
  'cofinancing',
] as const;
const isKnownRule = (rule: string): rule is (typeof RULES)[number] =>
  (RULES as readonly string[]).includes(rule);

/** Each eligibility rule's verdict; during screening the secretariat reruns and overrides them. */
export function ScreeningPanel({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const session = useSession();
  const action = useAction();
  const [overriding, setOverriding] = useState<Verdict | null>(null);
  const [verdict, setVerdict] = useState<'pass' | 'fail'>('pass');
  const [reason, setReason] = useState('');
  const [reasonShort, setReasonShort] = useState(false);
  const screening = detail.screening;
  const manages = session.can('facility.manage') && detail.state === 'screening';
  const base = `/proposals/${encodeURIComponent(detail.reference)}/screening`;
  const ruleName = (rule: string) =>
    isKnownRule(rule) ? t(`facility.screening.rules.${rule}`) : rule;

  const override = (event: FormEvent) => {
    event.preventDefault();
    if (!overriding) return;
    if (reason.trim().length < MIN_REASON) return setReasonShort(true);
    setReasonShort(false);
    void action.run(async () => {
      await post(`${base}/overrides`, { rule: overriding.rule, verdict, reason: reason.trim() });
      setOverriding(null);
      setReason('');
      onChanged();
    });
  };

  if (!screening && !manages) return null;
  return (
    <section className="card" aria-labelledby="proposal-screening">
      <h2 id="proposal-screening">{t('facility.screening.title')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {screening ? (
        <>
          <p className="note">
            {t('facility.screening.by', {
              version: screening.rulesVersion,
              who: screening.screenedBy,
              date: format.dateTime(screening.screenedAt),
            })}{' '}
            <strong>
              {screening.passed ? t('facility.screening.allPass') : t('facility.screening.notAll')}
            </strong>
          </p>
          <DataTable
            caption={t('facility.screening.title')}
            captionHidden
            rows={screening.verdicts}
            rowKey={(v) => v.rule}
            columns={[
              { key: 'rule', header: t('facility.screening.rule'), cell: (v) => ruleName(v.rule) },
              {
                key: 'verdict',
                header: t('facility.screening.verdict'),
                cell: (v) => (
                  <span className={v.passed ? 'verdict-pass' : 'verdict-fail'}>
                    {v.passed ? t('facility.screening.passes') : t('facility.screening.fails')}
                  </span>
                ),
              },
              {
                key: 'detail',
                header: t('facility.screening.found'),
                cell: (v) => (
                  <>
                    {v.detail}
                    {v.override ? (
                      <span className="override">
                        {t('facility.screening.overridden', {
                          verdict: v.override.passed
                            ? t('facility.screening.passes')
                            : t('facility.screening.fails'),
                          who: v.override.actor,
                          reason: v.override.reason,
                        })}
                      </span>
                    ) : null}
                  </>
                ),
              },
              ...(manages
                ? [
                    {
                      key: 'override',
                      header: (
                        <span className="visually-hidden">{t('facility.screening.override')}</span>
                      ),
                      cell: (v: Verdict) => (
                        <button
                          type="button"
                          className="button secondary"
                          onClick={() => {
                            setOverriding(v);
                            setVerdict(v.passed ? 'fail' : 'pass');
                            setReasonShort(false);
                          }}
                        >
                          {t('facility.screening.override')}
                          <span className="visually-hidden"> {ruleName(v.rule)}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : (
        <p className="note">{t('facility.screening.none')}</p>
      )}
      {manages ? (
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await post(base);
                onChanged();
              })
            }
          >
            {t('facility.screening.rerun')}
          </button>
        </div>
      ) : null}
      {overriding ? (
        <form className="stack" onSubmit={override} aria-labelledby="override-title">
          <h3 id="override-title">
            {t('facility.screening.overrideTitle', { rule: ruleName(overriding.rule) })}
          </h3>
          <SelectField
            id="override-verdict"
            label={t('facility.screening.verdict')}
            value={verdict}
            onChange={(v) => setVerdict(v as 'pass' | 'fail')}
          >
            <option value="pass">{t('facility.screening.passes')}</option>
            <option value="fail">{t('facility.screening.fails')}</option>
          </SelectField>
          <TextField
            id="override-reason"
            label={t('facility.reason.label', { action: t('facility.screening.override') })}
            hint={t('facility.screening.reasonHint', { min: MIN_REASON })}
            multiline
            value={reason}
            onChange={setReason}
            error={reasonShort ? t('facility.screening.reasonShort', { min: MIN_REASON }) : null}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={action.busy}>
              {t('facility.screening.override')}
            </button>
            <button type="button" className="button secondary" onClick={() => setOverriding(null)}>
              {t('facility.reason.keep')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
