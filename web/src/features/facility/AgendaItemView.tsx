import { useState, type FormEvent } from 'react';
import { Link } from '../../app/router.tsx';
import { useFormat } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { useLocalPath } from '../../app/url.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import {
  post,
  type AgendaItem,
  type Decision,
  type Meeting,
  type ProposalState,
  type Vote,
} from './api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { centsOf, decimalOfCents, isUsdAmount, useMoney } from './money.ts';
import { proposalHref } from './ProposalList.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

const VOTES: readonly Vote[] = ['approve', 'approve_with_conditions', 'defer', 'reject'];
const approving = (d: Decision) => d === 'approve' || d === 'approve_with_conditions';

function VoteForm({ meeting, item, onChanged }: ItemProps) {
  const { t } = useFacilityText();
  const session = useSession();
  const action = useAction();
  const mine = item.votes.find((v) => v.member === session.user?.email);
  const [vote, setVote] = useState<Vote>(mine?.vote ?? 'approve');
  const [comment, setComment] = useState('');
  const id = `vote-${item.proposalId}`;
  const send = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await post(`/meetings/${meeting.id}/votes`, {
        proposal: item.reference,
        vote,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setComment('');
      onChanged();
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('facility.meetings.yourVote', { reference: item.reference })}</h4>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {mine ? (
        <p className="note">
          {t('facility.meetings.voted', { vote: t(`facility.meetings.votes.${mine.vote}`) })}
        </p>
      ) : null}
      <SelectField
        id={`${id}-choice`}
        label={t('facility.meetings.vote')}
        value={vote}
        onChange={(v) => setVote(v as Vote)}
      >
        {VOTES.map((v) => (
          <option key={v} value={v}>
            {t(`facility.meetings.votes.${v}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-comment`}
        label={t('facility.meetings.comment')}
        multiline
        value={comment}
        onChange={setComment}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {mine ? t('facility.meetings.changeVote') : t('facility.meetings.castVote')}
        </button>
      </div>
    </form>
  );
}

/** The decision form: approvals state the grant (at most the request), conditions when any. */
function DecisionForm({ meeting, item, onChanged }: ItemProps) {
  const { t } = useFacilityText();
  const money = useMoney();
  const action = useAction();
  const requested = decimalOfCents(item.requestedCents);
  const [decision, setDecision] = useState<Decision>('approve');
  const [amount, setAmount] = useState(requested);
  const [conditions, setConditions] = useState('');
  const [rationale, setRationale] = useState('');
  const [faults, setFaults] = useState<Record<string, string>>({});
  const id = `decide-${item.proposalId}`;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (approving(decision)) {
      if (!isUsdAmount(amount) || centsOf(amount) === 0n)
        found['amount'] = t('facility.form.errors.usd');
      else if (centsOf(amount) > BigInt(item.requestedCents))
        found['amount'] = t('facility.meetings.aboveRequest', { requested: money.usd(requested) });
    }
    if (decision === 'approve_with_conditions' && !conditions.trim())
      found['conditions'] = t('facility.form.errors.required');
    if (!rationale.trim()) found['rationale'] = t('facility.form.errors.required');
    setFaults(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      await post(`/meetings/${meeting.id}/decisions`, {
        proposal: item.reference,
        decision,
        ...(approving(decision) ? { amountUsd: amount.trim() } : {}),
        ...(decision === 'approve_with_conditions' ? { conditions: conditions.trim() } : {}),
        rationale: rationale.trim(),
      });
      onChanged();
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby={`${id}-title`} noValidate>
      <h4 id={`${id}-title`}>{t('facility.meetings.decide', { reference: item.reference })}</h4>
      <p className="note">{t('facility.meetings.decideHint', { quorum: meeting.quorum })}</p>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <SelectField
        id={`${id}-decision`}
        label={t('facility.meetings.decision')}
        value={decision}
        onChange={(v) => setDecision(v as Decision)}
      >
        {VOTES.map((v) => (
          <option key={v} value={v}>
            {t(`facility.meetings.votes.${v}`)}
          </option>
        ))}
      </SelectField>
      {approving(decision) ? (
        <TextField
          id={`${id}-amount`}
          label={t('facility.meetings.amount')}
          hint={t('facility.meetings.amountHint', { requested: money.usd(requested) })}
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={faults['amount']}
        />
      ) : null}
      {decision === 'approve_with_conditions' ? (
        <TextField
          id={`${id}-conditions`}
          label={t('facility.meetings.conditions')}
          multiline
          value={conditions}
          onChange={setConditions}
          error={faults['conditions']}
        />
      ) : null}
      <TextField
        id={`${id}-rationale`}
        label={t('facility.meetings.rationale')}
        multiline
        value={rationale}
        onChange={setRationale}
        error={faults['rationale']}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('facility.meetings.decideButton')}
        </button>
      </div>
    </form>
  );
}

/** How an item closed: the committee's decision, or the proposal leaving the committee first. */
function Outcome({ outcome }: { outcome: NonNullable<AgendaItem['decision']> }) {
  const { t } = useFacilityText();
  const format = useFormat();
  const money = useMoney();
  const { decision } = outcome;
  const when = { who: outcome.decidedBy, date: format.date(outcome.decidedAt) };
  if (decision === 'returned' || decision === 'withdrawn') {
    return (
      <div className="decision" role="status">
        <p>
          <strong>{t(`facility.meetings.closed.${decision}`, when)}</strong>
        </p>
        {outcome.rationale ? (
          <p>
            {t('facility.meetings.reason')}: {outcome.rationale}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="decision" role="status">
      <p>
        <strong>
          {t('facility.meetings.decided', {
            decision: t(`facility.meetings.votes.${decision}`),
            ...when,
          })}
        </strong>
        {outcome.amountCents !== null
          ? ` ${t('facility.meetings.granted', { amount: money.usdCents(outcome.amountCents) })}`
          : null}
      </p>
      {outcome.conditions ? (
        <p>
          {t('facility.meetings.conditions')}: {outcome.conditions}
        </p>
      ) : null}
      <p>
        {t('facility.meetings.rationale')}: {outcome.rationale}
      </p>
    </div>
  );
}

interface ItemProps {
  meeting: Meeting;
  item: AgendaItem;
  onChanged: () => void;
}

/** One proposal on a meeting's agenda: its votes, the decision, and the committee's forms. */
export function AgendaItemView({ meeting, item, onChanged }: ItemProps) {
  const { t } = useFacilityText();
  const format = useFormat();
  const money = useMoney();
  const local = useLocalPath();
  const session = useSession();
  const open = item.decision === null;
  const headingId = `item-${item.proposalId}`;
  return (
    <section className="card agenda-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={local(proposalHref(item.reference))}>{item.reference}</Link> {item.title}
      </h3>
      <p className="tags">
        <StateBadge state={item.state as ProposalState} />
        <span>
          {t('facility.meetings.requested', { amount: money.usdCents(item.requestedCents) })} ·{' '}
          {t('facility.meetings.votesCount', { count: item.votes.length, quorum: meeting.quorum })}
        </span>
      </p>
      <DataTable
        caption={t('facility.meetings.votesOn', { reference: item.reference })}
        captionHidden
        rows={item.votes}
        rowKey={(v) => v.member}
        empty={t('facility.meetings.noVotes')}
        columns={[
          { key: 'member', header: t('facility.meetings.member'), cell: (v) => v.member },
          {
            key: 'vote',
            header: t('facility.meetings.vote'),
            cell: (v) => t(`facility.meetings.votes.${v.vote}`),
          },
          { key: 'comment', header: t('facility.meetings.comment'), cell: (v) => v.comment ?? '' },
          { key: 'at', header: t('facility.proposal.when'), cell: (v) => format.dateTime(v.at) },
        ]}
      />
      {item.decision ? <Outcome outcome={item.decision} /> : null}
      {open && session.can('facility.decide') ? (
        <div className="grid-2">
          <VoteForm meeting={meeting} item={item} onChanged={onChanged} />
          <DecisionForm meeting={meeting} item={item} onChanged={onChanged} />
        </div>
      ) : null}
    </section>
  );
}
