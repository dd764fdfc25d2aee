import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { validateGrant, validateGrants } from './role.model.ts';
import { formatGrant, parseRoleSpecs } from './role.spec.ts';

describe('role grants', () => {
  it('scopes a focal point to a member country, upper-cased', () => {
    expect(validateGrant({ role: 'focal_point', country: 'kz' })).toEqual({
      role: 'focal_point',
      country: 'KZ',
      organisation: null,
    });
  });

  it.each([
    [{ role: 'focal_point', country: 'JP' }, /JP is not a CAREC member/],
    [{ role: 'focal_point', country: 'XX' }, /XX is not a CAREC member/],
    [{ role: 'focal_point' }, /needs a member country/],
    [{ role: 'focal_point', organisation: '46004' }, /scoped to a country/],
    [{ role: 'partner_officer' }, /needs an organisation ref/],
    [{ role: 'partner_officer', organisation: 'CARAVAN-ORG-NOPE' }, /unknown organisation ref/],
    [
      { role: 'partner_officer', organisation: 'ADB' },
      /acronym: use the organisation ref XM-DAC-46004/,
    ],
    [{ role: 'admin', country: 'KZ' }, /admin takes no country or organisation/],
    [{ role: 'reviewer' }, /home country and\/or organisation/],
    [{ role: 'reviewer', country: 'XX' }, /unknown country code XX/],
    [{ role: 'superuser' }, /unknown role superuser/],
  ])('refuses %o', (grant, message) => {
    expect(() => validateGrant(grant)).toThrow(message);
    expect(() => validateGrant(grant)).toThrow(AppError);
  });

  it('canonicalises a partner officer’s organisation through its alias', () => {
    expect(validateGrant({ role: 'partner_officer', organisation: '46004' }).organisation).toBe(
      'XM-DAC-46004',
    );
  });

  it('lets a reviewer come from a partner country and organisation', () => {
    expect(validateGrant({ role: 'reviewer', country: 'kr', organisation: '44000' })).toEqual({
      role: 'reviewer',
      country: 'KR',
      organisation: '44000',
    });
  });

  it('drops repeated grants and keeps a partner officer to one organisation', () => {
    expect(validateGrants([{ role: 'admin' }, { role: 'admin' }])).toHaveLength(1);
    expect(() =>
      validateGrants([
        { role: 'partner_officer', organisation: '46004' },
        { role: 'partner_officer', organisation: '44000' },
      ]),
    ).toThrow(/one organisation only/);
    expect(() => validateGrants([])).toThrow(/at least one role/);
  });
});

describe('the text form of grants', () => {
  it('reads a focal point for several countries as one grant each', () => {
    expect(parseRoleSpecs('focal_point:KZ,UZ')).toEqual([
      { role: 'focal_point', country: 'KZ' },
      { role: 'focal_point', country: 'UZ' },
    ]);
  });

  it('reads space-separated specs, as an environment variable holds them', () => {
    const grants = validateGrants(parseRoleSpecs('admin  reviewer:UZ,46004 partner_officer:44000'));
    expect(grants.map(formatGrant)).toEqual([
      'admin',
      'reviewer:UZ,XM-DAC-46004',
      'partner_officer:44000',
    ]);
  });

  it('round-trips through formatGrant', () => {
    for (const spec of ['committee', 'focal_point:KZ', 'reviewer:UZ,XM-DAC-46004']) {
      expect(validateGrants(parseRoleSpecs(spec)).map(formatGrant)).toEqual([spec]);
    }
  });

  it('refuses an empty scope and two countries for one reviewer', () => {
    expect(() => parseRoleSpecs('focal_point:')).toThrow(/nothing after the colon/);
    expect(() => parseRoleSpecs('reviewer:UZ,KZ')).toThrow(/at most one country/);
  });
});
