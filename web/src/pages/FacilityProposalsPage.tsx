import { Link } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath, useUrlParam } from '../app/url.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { STATES } from '../../../src/facility/workflow.ts';
import { useProposals, type ProposalState } from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { ProposalList } from '../features/facility/ProposalList.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

const isState = (value: string | null): value is ProposalState =>
  (STATES as readonly (string | null)[]).includes(value);

/** The proposals the user may see, by state (kept in the address as `state`). */
function Proposals() {
  const { t } = useFacilityText();
  const session = useSession();
  const names = useNames();
  const local = useLocalPath();
  const [stateParam, setState] = useUrlParam('state');
  const state = isState(stateParam) ? stateParam : null;
  const proposals = useProposals();
  const focal = (session.user?.grants ?? [])
    .filter((g) => g.role === 'focal_point' && g.country)
    .map((g) => g.country!);
  const all = proposals.data?.proposals ?? [];
  const counts = new Map<ProposalState, number>();
  for (const p of all) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  const shown = state ? all.filter((p) => p.state === state) : all;

  return (
    <>
      <FacilityHead
        title={t('facility.workspace.proposals')}
        lead={
          focal.length
            ? t('facility.list.leadFocal', {
                countries: focal.map((c) => names.country(c)).join(', '),
              })
            : t('facility.list.lead')
        }
      >
        {session.can('facility.propose') ? (
          <div className="actions">
            <Link className="button" to={local('/workspace/facility/new')}>
              {t('facility.list.new')}
            </Link>
          </div>
        ) : null}
      </FacilityHead>
      <section className="card" aria-labelledby="proposals-title">
        <h2 id="proposals-title" className="visually-hidden">
          {t('facility.workspace.proposals')}
        </h2>
        <div className="state-filter" role="group" aria-label={t('facility.list.byState')}>
          <button type="button" aria-pressed={state === null} onClick={() => setState(null)}>
            {t('facility.list.all')} ({all.length})
          </button>
          {STATES.filter((s) => counts.has(s)).map((s) => (
            <button key={s} type="button" aria-pressed={state === s} onClick={() => setState(s)}>
              {t(`facility.states.${s}`)} ({counts.get(s)})
            </button>
          ))}
        </div>
        {proposals.state === 'failed' ? <ErrorMessage error={proposals.error} /> : null}
        {proposals.state === 'loading' ? <Loading /> : null}
        {proposals.data ? (
          <ProposalList proposals={shown} caption={t('facility.workspace.proposals')} />
        ) : null}
      </section>
    </>
  );
}

export default function FacilityProposalsPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.proposals'));
  return (
    <RequireAccess permission="facility.read">
      <Proposals />
    </RequireAccess>
  );
}
