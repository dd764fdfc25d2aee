import { AppError } from '../errors.ts';
import {
  countryByIso2,
  MEMBER_CODES,
  ORGANISATIONS,
  organisationByRef,
} from '../reference/index.ts';

/** The roles of DESIGN.md "Who uses it"; the public has no account and so no role. */
export const ROLES = [
  'admin',
  'secretariat',
  'focal_point',
  'partner_officer',
  'reviewer',
  'committee',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administrator',
  secretariat: 'secretariat analyst',
  focal_point: 'country focal point',
  partner_officer: 'partner officer',
  reviewer: 'facility reviewer',
  committee: 'facility committee member',
};

/**
 * One role held by a user, with its scope. A focal point for two countries holds two grants.
 * A reviewer's country and organisation are not a scope of access but a home, which later
 * issues use to keep reviewers off their own country's proposals.
 */
export interface RoleGrant {
  role: Role;
  /** ISO alpha-2, upper-case. */
  country: string | null;
  /** A canonical organisation ref (as organisationByRef resolves it). */
  organisation: string | null;
}

export interface GrantInput {
  role: string;
  country?: string | null | undefined;
  organisation?: string | null | undefined;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function refuse(message: string): never {
  throw new AppError('bad_request', message);
}

function memberCountry(code: string): string {
  const country = countryByIso2(code);
  if (!country?.member) {
    refuse(`${code} is not a CAREC member country (members: ${MEMBER_CODES.join(', ')})`);
  }
  return country.iso2;
}

function knownCountry(code: string): string {
  return countryByIso2(code)?.iso2 ?? refuse(`unknown country code ${code}`);
}

function canonicalOrganisation(ref: string): string {
  const found = organisationByRef(ref);
  if (found) return found.ref;
  // People type what they know: say which ref an acronym stands for rather than guess.
  const byAcronym = ORGANISATIONS.find((o) => o.acronym.toLowerCase() === ref.toLowerCase());
  refuse(
    byAcronym
      ? `${ref} is an acronym: use the organisation ref ${byAcronym.ref}`
      : `unknown organisation ref ${ref}`,
  );
}

/** Checks a grant's scope against the reference data and returns it in canonical form. */
export function validateGrant(input: GrantInput): RoleGrant {
  const { role } = input;
  if (!isRole(role)) refuse(`unknown role ${role}: one of ${ROLES.join(', ')}`);
  const country = input.country?.trim() || null;
  const organisation = input.organisation?.trim() || null;
  switch (role) {
    case 'admin':
    case 'secretariat':
    case 'committee':
      // A scope here would look like a restriction that nothing enforces.
      if (country || organisation) refuse(`${role} takes no country or organisation`);
      return { role, country: null, organisation: null };
    case 'focal_point':
      if (organisation) refuse('focal_point is scoped to a country, not an organisation');
      if (!country) refuse('focal_point needs a member country, e.g. focal_point:KZ');
      return { role, country: memberCountry(country), organisation: null };
    case 'partner_officer':
      if (country) refuse('partner_officer is scoped to an organisation, not a country');
      if (!organisation)
        refuse('partner_officer needs an organisation ref, e.g. partner_officer:46004');
      return { role, country: null, organisation: canonicalOrganisation(organisation) };
    case 'reviewer':
      // Any country the programme knows: reviewers may come from partner countries too.
      if (!country && !organisation) {
        refuse('reviewer needs a home country and/or organisation, e.g. reviewer:UZ');
      }
      return {
        role,
        country: country ? knownCountry(country) : null,
        organisation: organisation ? canonicalOrganisation(organisation) : null,
      };
  }
}

export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.role === b.role && a.country === b.country && a.organisation === b.organisation;
}

/** Validates a user's whole set of grants: each one, no duplicates, one organisation at most. */
export function validateGrants(inputs: readonly GrantInput[]): RoleGrant[] {
  if (inputs.length === 0) refuse('give at least one role: a user without one can do nothing');
  const grants: RoleGrant[] = [];
  for (const grant of inputs.map(validateGrant)) {
    if (!grants.some((g) => sameGrant(g, grant))) grants.push(grant);
  }
  if (grants.filter((g) => g.role === 'partner_officer').length > 1) {
    refuse('a partner officer acts for one organisation only');
  }
  return grants;
}
