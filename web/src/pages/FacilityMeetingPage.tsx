import { useState, type FormEvent } from 'react';
import { useParams } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { AgendaItemView } from '../features/facility/AgendaItemView.tsx';
import { post, useMeeting, useProposals, type Meeting } from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { SelectField } from '../components/fields.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { useAction } from '../components/useAction.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

/** The secretariat puts a proposal that is before the committee on this meeting's agenda. */
function AddToAgenda({ meeting, onAdded }: { meeting: Meeting; onAdded: () => void }) {
  const { t } = useFacilityText();
  const proposals = useProposals();
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const onAgenda = new Set(
    meeting.agenda.filter((i) => i.decision === null).map((i) => i.reference),
  );
  const candidates = (proposals.data?.proposals ?? []).filter(
    (p) => p.state === 'committee' && !onAgenda.has(p.reference),
  );
  const proposal = chosen || candidates[0]?.reference || '';
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!proposal) return;
    void action.run(async () => {
      await post(`/meetings/${meeting.id}/agenda`, { proposal });
      setChosen('');
      onAdded();
      proposals.reload();
    });
  };
  return (
    <form className="card stack" onSubmit={send} aria-labelledby="agenda-add">
      <h2 id="agenda-add">{t('facility.meetings.addToAgenda')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {proposals.state === 'failed' ? <ErrorMessage error={proposals.error} /> : null}
      {candidates.length === 0 ? (
        <p className="note">{t('facility.meetings.noneBefore')}</p>
      ) : (
        <>
          <SelectField
            id="agenda-proposal"
            label={t('facility.meetings.proposal')}
            value={proposal}
            onChange={setChosen}
          >
            {candidates.map((p) => (
              <option key={p.reference} value={p.reference}>
                {p.reference} {p.title}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button" disabled={action.busy}>
              {t('facility.meetings.addButton')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function MeetingView({ meeting, reload }: { meeting: Meeting; reload: () => void }) {
  const { t } = useFacilityText();
  const format = useFormat();
  const session = useSession();
  usePageTitle(meeting.title);
  return (
    <>
      <FacilityHead
        title={meeting.title}
        lead={t('facility.meetings.about', {
          date: format.date(meeting.heldOn),
          quorum: meeting.quorum,
          who: meeting.createdBy,
        })}
      />
      <h2>{t('facility.meetings.agenda')}</h2>
      {meeting.agenda.length === 0 ? (
        <p className="note">{t('facility.meetings.agendaNone')}</p>
      ) : (
        meeting.agenda.map((item) => (
          <AgendaItemView key={item.proposalId} meeting={meeting} item={item} onChanged={reload} />
        ))
      )}
      {session.can('facility.manage') ? <AddToAgenda meeting={meeting} onAdded={reload} /> : null}
    </>
  );
}

function Loaded({ id }: { id: string }) {
  const meeting = useMeeting(id);
  if (meeting.state === 'failed') return <ErrorMessage error={meeting.error} />;
  if (meeting.state === 'loading') return <Loading />;
  return <MeetingView meeting={meeting.data} reload={meeting.reload} />;
}

export default function FacilityMeetingPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.meetings'));
  const { id = '' } = useParams();
  return (
    <RequireAccess permission="facility.read">
      <Loaded id={id} />
    </RequireAccess>
  );
}
