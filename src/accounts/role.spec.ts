import { AppError } from '../errors.ts';
import type { GrantInput, RoleGrant } from './role.model.ts';

/** Two letters are a country code; anything else is an organisation ref (none is two letters). */
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/**
 * Reads the text form of grants, `ROLE[:SCOPE[,SCOPE…]]`, as the CLI and scripts write it:
 * `admin`, `focal_point:KZ,UZ` (two grants), `partner_officer:46004`, `reviewer:UZ,46004` (one
 * grant: a home country and organisation). Several specs may be separated by spaces, so one
 * environment variable can hold them all. Scopes are checked later, by validateGrants.
 */
export function parseRoleSpecs(text: string): GrantInput[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((spec) => parseRoleSpec(spec));
}

function parseRoleSpec(spec: string): GrantInput[] {
  const colon = spec.indexOf(':');
  const role = colon < 0 ? spec : spec.slice(0, colon);
  const parts =
    colon < 0
      ? []
      : spec
          .slice(colon + 1)
          .split(',')
          .filter(Boolean);
  if (colon >= 0 && parts.length === 0) {
    throw new AppError('bad_request', `${spec}: nothing after the colon`);
  }
  const countries = parts.filter((p) => COUNTRY_CODE.test(p));
  const organisations = parts.filter((p) => !COUNTRY_CODE.test(p));
  if (role === 'focal_point' && organisations.length === 0) {
    return countries.length === 0 ? [{ role }] : countries.map((country) => ({ role, country }));
  }
  if (countries.length > 1 || organisations.length > 1) {
    throw new AppError('bad_request', `${spec}: at most one country and one organisation`);
  }
  return [{ role, country: countries[0] ?? null, organisation: organisations[0] ?? null }];
}

/** The text form parseRoleSpecs reads back. */
export function formatGrant(grant: RoleGrant): string {
  const scope = [grant.country, grant.organisation].filter((part) => part !== null);
  return scope.length === 0 ? grant.role : `${grant.role}:${scope.join(',')}`;
}
