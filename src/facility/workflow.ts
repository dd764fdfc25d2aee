import type { Permission } from '../accounts/access.ts';

/**
 * The proposal's life, as an explicit state machine. Each action names the states it leaves,
 * the state it reaches and the permission it needs; nothing else moves a proposal.
 */
export const STATES = [
  'draft',
  'submitted',
  'screening',
  'technical_review',
  'committee',
  'approved',
  'in_preparation',
  'completed',
  'financed',
  'returned',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type ProposalState = (typeof STATES)[number];

/** States only the lead country's focal points see: a draft is private to its country. */
export const PRIVATE_STATES: readonly ProposalState[] = ['draft'];

/** States the public pipeline shows: the facility's decisions, not its deliberations. */
export const PUBLIC_STATES: readonly ProposalState[] = [
  'approved',
  'in_preparation',
  'completed',
  'financed',
];

/** The order the funnel counts in: a proposal that reached a stage passed the ones before. */
export const FUNNEL: readonly ProposalState[] = [
  'submitted',
  'screening',
  'technical_review',
  'committee',
  'approved',
  'in_preparation',
  'completed',
  'financed',
];

export interface ActionRule {
  from: readonly ProposalState[];
  to: ProposalState;
  permission: Permission;
  /** A written reason is required (a refusal, a return, a cancellation). */
  needsReason: boolean;
  /**
   * Actions that carry more than a reason (a committee decision with its amount, a financing
   * with its investment) have their own route; the generic transition route refuses them.
   */
  route: 'transition' | 'decision' | 'financing';
}

const BEFORE_DECISION: readonly ProposalState[] = [
  'submitted',
  'screening',
  'technical_review',
  'committee',
];

export const ACTIONS = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    permission: 'facility.propose',
    needsReason: false,
    route: 'transition',
  },
  start_screening: {
    from: ['submitted'],
    to: 'screening',
    permission: 'facility.manage',
    needsReason: false,
    route: 'transition',
  },
  pass_screening: {
    from: ['screening'],
    to: 'technical_review',
    permission: 'facility.manage',
    needsReason: false,
    route: 'transition',
  },
  send_to_committee: {
    from: ['technical_review'],
    to: 'committee',
    permission: 'facility.manage',
    needsReason: false,
    route: 'transition',
  },
  return: {
    from: BEFORE_DECISION,
    to: 'returned',
    permission: 'facility.manage',
    needsReason: true,
    route: 'transition',
  },
  reject: {
    from: ['screening', 'technical_review'],
    to: 'rejected',
    permission: 'facility.manage',
    needsReason: true,
    route: 'transition',
  },
  approve: {
    from: ['committee'],
    to: 'approved',
    permission: 'facility.decide',
    needsReason: true,
    route: 'decision',
  },
  decline: {
    from: ['committee'],
    to: 'rejected',
    permission: 'facility.decide',
    needsReason: true,
    route: 'decision',
  },
  start_preparation: {
    from: ['approved'],
    to: 'in_preparation',
    permission: 'facility.manage',
    needsReason: false,
    route: 'transition',
  },
  complete: {
    from: ['in_preparation'],
    to: 'completed',
    permission: 'facility.manage',
    needsReason: false,
    route: 'transition',
  },
  finance: {
    from: ['completed'],
    to: 'financed',
    permission: 'facility.manage',
    needsReason: false,
    route: 'financing',
  },
  withdraw: {
    from: ['draft', 'returned', ...BEFORE_DECISION],
    to: 'withdrawn',
    permission: 'facility.propose',
    needsReason: true,
    route: 'transition',
  },
  cancel: {
    from: ['approved', 'in_preparation'],
    to: 'cancelled',
    permission: 'facility.manage',
    needsReason: true,
    route: 'transition',
  },
} as const satisfies Record<string, ActionRule>;

export type ProposalAction = keyof typeof ACTIONS;

export const TRANSITION_ACTIONS = (Object.keys(ACTIONS) as ProposalAction[]).filter(
  (action) => ACTIONS[action].route === 'transition',
);

export function isAction(value: string): value is ProposalAction {
  return Object.hasOwn(ACTIONS, value);
}

/** Why the action cannot leave this state, or null when the state machine allows it. */
export function stateRefusal(action: ProposalAction, state: ProposalState): string | null {
  const rule: ActionRule = ACTIONS[action];
  if (rule.from.includes(state)) return null;
  return `cannot ${action.replaceAll('_', ' ')} a proposal that is ${state.replaceAll('_', ' ')} (only from ${rule.from.join(', ')})`;
}
