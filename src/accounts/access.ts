import { AppError } from '../errors.ts';
import type { Role, RoleGrant } from './role.model.ts';

/**
 * What a request may do. Every route declares one; `public` is anyone's, including anonymous
 * callers; the others need a signed-in user (or an API token) whose roles grant them.
 */
export const PERMISSIONS = [
  'public',
  'session',
  'iati.import',
  'audit.read',
  'users.read',
  'tokens.own',
  'tokens.manage',
  'account.own',
  'users.manage',
  'facility.read',
  'facility.propose',
  'facility.manage',
  'facility.review',
  'facility.decide',
  'climate.manage',
  'results.manage',
  'reports.manage',
  'portfolio.curate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'iati.import',
    'audit.read',
    'users.read',
    'users.manage',
    'tokens.own',
    'tokens.manage',
    'account.own',
    'facility.read',
  ],
  secretariat: [
    'iati.import',
    'audit.read',
    'tokens.own',
    'account.own',
    'facility.read',
    'facility.manage',
    'climate.manage',
    'results.manage',
    'reports.manage',
    'portfolio.curate',
  ],
  partner_officer: ['iati.import', 'tokens.own', 'account.own', 'facility.read'],
  focal_point: ['tokens.own', 'account.own', 'facility.read', 'facility.propose'],
  reviewer: ['tokens.own', 'account.own', 'facility.read', 'facility.review'],
  committee: ['tokens.own', 'account.own', 'facility.read', 'facility.decide'],
};

/** Every permission these grants allow for some target: what an API token may be scoped to. */
export function permissionsOf(grants: readonly RoleGrant[]): Set<Permission> {
  return new Set(grants.flatMap((grant) => ROLE_PERMISSIONS[grant.role]));
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      email: string;
      grants: readonly RoleGrant[];
      via: 'session' | 'admin-token' | 'api-token';
      /** Set for an API token: only these permissions, however much the grants allow. */
      onlyPermissions?: ReadonlySet<Permission>;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Who the target belongs to, where a permission is scoped (a country's draft, a partner's data). */
export interface AccessTarget {
  country?: string;
  /** A target of several countries (a regional proposal): a focal point of any one of them. */
  countries?: readonly string[];
  organisation?: string;
}

function grantAllows(
  grant: RoleGrant,
  permission: Permission,
  target: AccessTarget | undefined,
): boolean {
  if (!ROLE_PERMISSIONS[grant.role].includes(permission)) return false;
  if (grant.role === 'focal_point' && target?.country !== undefined)
    return grant.country === target.country;
  if (grant.role === 'focal_point' && target?.countries !== undefined)
    return grant.country !== null && target.countries.includes(grant.country);
  if (grant.role === 'partner_officer' && target?.organisation !== undefined) {
    return grant.organisation === target.organisation;
  }
  return true;
}

/** The one decision every request and service goes through; throws when the actor may not. */
export function requireAccess(actor: Actor, permission: Permission, target?: AccessTarget): void {
  if (permission === 'public' || permission === 'session') return;
  if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'Sign in first');
  if (actor.onlyPermissions && !actor.onlyPermissions.has(permission)) {
    throw new AppError('forbidden', `This API token is not scoped to ${permission}`);
  }
  if (!actor.grants.some((grant) => grantAllows(grant, permission, target))) {
    throw new AppError('forbidden', `Your roles do not allow ${permission}`);
  }
}
