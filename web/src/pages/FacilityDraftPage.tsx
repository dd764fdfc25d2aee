import { useState } from 'react';
import { useNavigate, useParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import {
  post,
  put,
  useProposal,
  type ProposalContent,
  type ProposalDetail,
} from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { proposalHref } from '../features/facility/ProposalList.tsx';
import { formOf } from '../features/facility/proposalForm.ts';
import { ProposalFormView } from '../features/facility/ProposalFormView.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { useAction } from '../components/useAction.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

/** A new draft, led by one of the focal point's countries (chosen when there are several). */
function NewDraft() {
  const { t } = useFacilityText();
  const session = useSession();
  const names = useNames();
  const navigate = useNavigate();
  const local = useLocalPath();
  const action = useAction();
  const countries = (session.user?.grants ?? [])
    .filter((g) => g.role === 'focal_point' && g.country)
    .map((g) => g.country!);
  const [lead, setLead] = useState(countries[0] ?? '');
  usePageTitle(t('facility.form.newTitle'));

  const save = (content: ProposalContent) =>
    void action.run(async () => {
      const created = await post<ProposalDetail>('/proposals', { leadCountry: lead, content });
      navigate(local(proposalHref(created.reference)), { replace: true });
    });

  return (
    <>
      <FacilityHead title={t('facility.form.newTitle')} lead={t('facility.form.lead')}>
        {countries.length > 1 ? (
          <div className="field lead-choice">
            <label htmlFor="p-lead">{t('facility.proposal.lead')}</label>
            <select id="p-lead" value={lead} onChange={(e) => setLead(e.target.value)}>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {names.country(c)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </FacilityHead>
      <ProposalFormView
        key={lead}
        initial={formOf(null, lead)}
        lead={lead}
        saveLabel={t('facility.form.create')}
        apiError={action.error}
        busy={action.busy}
        onSave={save}
      />
    </>
  );
}

function EditDraft({ detail }: { detail: ProposalDetail }) {
  const { t } = useFacilityText();
  const navigate = useNavigate();
  const local = useLocalPath();
  const action = useAction();
  const title = t('facility.form.editTitle', { reference: detail.reference });
  usePageTitle(title);
  const save = (content: ProposalContent) =>
    void action.run(async () => {
      await put(`/proposals/${encodeURIComponent(detail.reference)}`, content);
      navigate(local(proposalHref(detail.reference)));
    });
  return (
    <>
      <FacilityHead title={title} lead={detail.title} />
      <ProposalFormView
        initial={formOf(detail.content, detail.leadCountry)}
        lead={detail.leadCountry}
        saveLabel={t('facility.form.save')}
        apiError={action.error}
        busy={action.busy}
        onSave={save}
      />
    </>
  );
}

function LoadedDraft({ reference }: { reference: string }) {
  const proposal = useProposal(reference);
  if (proposal.state === 'failed') return <ErrorMessage error={proposal.error} />;
  if (proposal.state === 'loading') return <Loading />;
  return <EditDraft detail={proposal.data} />;
}

export default function FacilityDraftPage() {
  const { reference } = useParams();
  return (
    <RequireAccess permission="facility.propose">
      {reference ? <LoadedDraft reference={reference} /> : <NewDraft />}
    </RequireAccess>
  );
}
