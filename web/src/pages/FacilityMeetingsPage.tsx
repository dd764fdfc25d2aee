import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { post, useMeetings, useRules, type MeetingSummary } from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { TextField } from '../components/fields.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { useAction } from '../components/useAction.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

const meetingHref = (id: number) => `/workspace/facility/meetings/${id}`;

/** The secretariat convenes a meeting: a title, a date and, unless the rules' default, a quorum. */
function NewMeeting() {
  const { t } = useFacilityText();
  const navigate = useNavigate();
  const local = useLocalPath();
  const rules = useRules();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [quorum, setQuorum] = useState('');
  const [faults, setFaults] = useState<Record<string, string>>({});
  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found['title'] = t('facility.form.errors.required');
    if (!heldOn) found['heldOn'] = t('facility.form.errors.date');
    const n = Number(quorum);
    if (quorum.trim() && !(Number.isInteger(n) && n >= 1 && n <= 50))
      found['quorum'] = t('facility.meetings.quorumFault');
    setFaults(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      const meeting = await post<MeetingSummary>('/meetings', {
        title: title.trim(),
        heldOn,
        ...(quorum.trim() ? { quorum: n } : {}),
      });
      navigate(local(meetingHref(meeting.id)));
    });
  };
  return (
    <form className="card stack" onSubmit={send} aria-labelledby="new-meeting" noValidate>
      <h2 id="new-meeting">{t('facility.meetings.create')}</h2>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <TextField
        id="meeting-title"
        label={t('facility.meetings.meeting')}
        value={title}
        onChange={setTitle}
        error={faults['title']}
      />
      <TextField
        id="meeting-date"
        label={t('facility.meetings.heldOn')}
        type="date"
        value={heldOn}
        onChange={setHeldOn}
        error={faults['heldOn']}
      />
      <TextField
        id="meeting-quorum"
        label={t('facility.meetings.quorum')}
        hint={t('facility.meetings.quorumHint', {
          quorum: rules.data?.committee.defaultQuorum ?? '—',
        })}
        type="number"
        value={quorum}
        onChange={setQuorum}
        error={faults['quorum']}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('facility.meetings.createButton')}
        </button>
      </div>
    </form>
  );
}

function Meetings() {
  const { t } = useFacilityText();
  const format = useFormat();
  const local = useLocalPath();
  const session = useSession();
  const meetings = useMeetings();
  return (
    <>
      <FacilityHead title={t('facility.workspace.meetings')} lead={t('facility.meetings.lead')} />
      <section className="card" aria-labelledby="meetings-title">
        <h2 id="meetings-title" className="visually-hidden">
          {t('facility.workspace.meetings')}
        </h2>
        {meetings.state === 'failed' ? <ErrorMessage error={meetings.error} /> : null}
        {meetings.state === 'loading' ? <Loading /> : null}
        {meetings.data ? (
          <DataTable
            caption={t('facility.workspace.meetings')}
            captionHidden
            rows={meetings.data.meetings}
            rowKey={(m) => String(m.id)}
            empty={t('facility.meetings.none')}
            columns={[
              {
                key: 'title',
                header: t('facility.meetings.meeting'),
                cell: (m) => <Link to={local(meetingHref(m.id))}>{m.title}</Link>,
              },
              {
                key: 'date',
                header: t('facility.meetings.heldOn'),
                cell: (m) => format.date(m.heldOn),
              },
              {
                key: 'quorum',
                header: t('facility.meetings.quorum'),
                numeric: true,
                cell: (m) => m.quorum,
              },
              { key: 'by', header: t('facility.meetings.convenedBy'), cell: (m) => m.createdBy },
            ]}
          />
        ) : null}
      </section>
      {session.can('facility.manage') ? <NewMeeting /> : null}
    </>
  );
}

export default function FacilityMeetingsPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.meetings'));
  return (
    <RequireAccess permission="facility.read">
      <Meetings />
    </RequireAccess>
  );
}
