import type { ProposalState } from './api.ts';
import { useFacilityText } from './text.ts';

const ENDED: readonly ProposalState[] = ['rejected', 'withdrawn', 'cancelled'];
const FUNDED: readonly ProposalState[] = ['approved', 'in_preparation', 'completed', 'financed'];

/** A proposal's state in words, coloured by where it stands: under way, funded, or ended. */
export function StateBadge({ state }: { state: ProposalState }) {
  const { t } = useFacilityText();
  const tone = ENDED.includes(state) ? 'ended' : FUNDED.includes(state) ? 'funded' : 'open';
  return <span className={`badge state-${tone}`}>{t(`facility.states.${state}`)}</span>;
}
