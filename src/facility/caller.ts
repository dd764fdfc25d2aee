import type { Actor } from '../accounts/access.ts';
import type { Role, RoleGrant } from '../accounts/role.model.ts';

/** Who acts on the facility: what they may do, the name the records keep, and from where. */
export interface Caller {
  actor: Actor;
  /** The user's email, or `cli:<os user>`. */
  name: string;
  /** The client's address, or `cli`. */
  origin: string;
  /** When the caller acts; the demo sets it to lay out a history over past months. */
  clock?: () => Date;
}

/** The time of the caller's act, as stored. */
export function now(caller: Caller): string {
  return (caller.clock?.() ?? new Date()).toISOString();
}

/** The caller of a request (any object with the auth hook's actor and the client's address). */
export function callerOf(request: { actor: Actor; ip: string }): Caller {
  const { actor } = request;
  return { actor, name: actor.kind === 'user' ? actor.email : 'anonymous', origin: request.ip };
}

/** A command-line operator acting in the given roles (the CLI is the installation's own). */
export function cliCaller(name: string, grants: readonly RoleGrant[]): Caller {
  return {
    actor: { kind: 'user', userId: 0, email: name, grants, via: 'admin-token' },
    name,
    origin: 'cli',
  };
}

export function grantsOf(caller: Caller, role: Role): RoleGrant[] {
  return caller.actor.kind === 'user' ? caller.actor.grants.filter((g) => g.role === role) : [];
}

export function hasRole(caller: Caller, role: Role): boolean {
  return grantsOf(caller, role).length > 0;
}

/** Someone acting in one role, by email: the demo's people, and the services' tests. */
export function actingAs(
  email: string,
  role: Role,
  scope: { country?: string; organisation?: string } = {},
): Caller {
  return {
    actor: {
      kind: 'user',
      userId: 0,
      email,
      grants: [{ role, country: scope.country ?? null, organisation: scope.organisation ?? null }],
      via: 'session',
    },
    name: email,
    origin: 'demo',
  };
}
