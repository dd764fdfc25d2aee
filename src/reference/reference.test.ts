import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_STATUS_NAMES_RU,
  CLUSTERS,
  CODELISTS,
  CONFERENCES,
  CORRIDORS,
  COUNTRIES,
  MEMBER_CODES,
  ORGANISATIONS,
  SECTOR_CATEGORY_NAMES_RU,
  TRANSACTION_TYPE_NAMES_RU,
  WITHDRAWN_CODES,
  clusterOfSector,
  countryByIso2,
  governmentRef,
  isCode,
  isWithdrawnCode,
  organisationByRef,
} from './index.ts';
import { SECTOR_NAMES_RU } from './sectors-ru.ts';

function duplicates(values: readonly (string | number)[]): (string | number)[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('countries', () => {
  it('has the 11 members in DESIGN.md order', () => {
    expect(MEMBER_CODES).toEqual([
      'AF',
      'AZ',
      'CN',
      'GE',
      'KZ',
      'KG',
      'MN',
      'PK',
      'TJ',
      'TM',
      'UZ',
    ]);
    expect(COUNTRIES.filter((c) => c.member)).toHaveLength(11);
  });

  it('has no duplicate codes and only codes IATI knows', () => {
    expect(duplicates(COUNTRIES.map((c) => c.iso2))).toEqual([]);
    expect(duplicates(COUNTRIES.map((c) => c.iso3))).toEqual([]);
    for (const c of COUNTRIES) expect(isCode('Country', c.iso2), c.iso2).toBe(true);
  });

  it('finds a country by code in any case', () => {
    expect(countryByIso2('kz')?.nameRu).toBe('Казахстан');
    expect(countryByIso2('XX')).toBeUndefined();
  });
});

describe('organisations', () => {
  it('has no duplicate refs and every ref resolves to its organisation', () => {
    expect(duplicates(ORGANISATIONS.map((o) => o.ref))).toEqual([]);
    for (const o of ORGANISATIONS) expect(organisationByRef(o.ref)).toBe(o);
  });

  it('uses IATI organisation types and known countries', () => {
    for (const o of ORGANISATIONS) {
      expect(isCode('OrganisationType', o.type), o.ref).toBe(true);
      if (o.country !== null) expect(countryByIso2(o.country), o.ref).toBeDefined();
    }
  });

  it('has one government per member, with a Caravan-local ref', () => {
    for (const iso2 of MEMBER_CODES) {
      const gov = organisationByRef(governmentRef(iso2));
      expect(gov?.role).toBe('government');
      expect(gov?.country).toBe(iso2);
      expect(gov?.ref).toBe(`CARAVAN-GOV-${iso2}`);
    }
    expect(() => governmentRef('JP')).toThrow();
  });

  it('resolves the other published forms of a ref', () => {
    expect(organisationByRef('46004')?.acronym).toBe('ADB');
    expect(organisationByRef('XM-DAC-46004')?.acronym).toBe('ADB');
    expect(organisationByRef('XM-DAC-44000')?.acronym).toBe('WB');
    expect(organisationByRef('41114')?.acronym).toBe('UNDP');
  });
});

describe('clusters', () => {
  it('has the five CAREC 2030 clusters', () => {
    expect(CLUSTERS.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('maps only sector categories and codes that exist, each to one cluster', () => {
    const categories = CLUSTERS.flatMap((c) => c.sectorCategories);
    const codes = CLUSTERS.flatMap((c) => c.sectorCodes);
    expect(duplicates(categories)).toEqual([]);
    expect(duplicates(codes)).toEqual([]);
    for (const cat of categories) expect(isCode('SectorCategory', cat), cat).toBe(true);
    for (const code of codes) expect(isCode('Sector', code), code).toBe(true);
  });

  it('classifies sectors by code, then by category', () => {
    expect(clusterOfSector('21020')).toBe(3); // road transport
    expect(clusterOfSector('210')).toBe(3);
    expect(clusterOfSector('23630')).toBe(3); // electric power transmission
    expect(clusterOfSector('15111')).toBe(1); // public finance management
    expect(clusterOfSector('15170')).toBe(5); // override inside 151
    expect(clusterOfSector('43040')).toBe(4); // override inside 430
    expect(clusterOfSector('43030')).toBeNull(); // urban development: no cluster
    expect(clusterOfSector('72010')).toBeNull();
    expect(clusterOfSector('abc')).toBeNull();
  });
});

describe('corridors', () => {
  it('has the six corridors, crossing members only', () => {
    expect(CORRIDORS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of CORRIDORS) {
      expect(duplicates(c.countries)).toEqual([]);
      for (const iso2 of c.countries) expect(MEMBER_CODES, `${c.number} ${iso2}`).toContain(iso2);
    }
  });
});

describe('conferences', () => {
  it('has the 22nd in Tbilisi (2023) and the 23rd in Astana (2024), chaired by Kazakhstan', () => {
    const byNumber = new Map(CONFERENCES.map((c) => [c.number, c]));
    expect(byNumber.get(22)).toMatchObject({ year: 2023, cityEn: 'Tbilisi' });
    expect(byNumber.get(23)).toMatchObject({ year: 2024, cityEn: 'Astana', chair: 'KZ' });
  });

  it('has unique numbers in order, and chairs that are members', () => {
    const numbers = CONFERENCES.map((c) => c.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(duplicates(numbers)).toEqual([]);
    for (const c of CONFERENCES) if (c.chair !== null) expect(MEMBER_CODES).toContain(c.chair);
  });
});

describe('codes', () => {
  it('carries every requested codelist, each non-empty', () => {
    for (const [name, codes] of Object.entries(CODELISTS))
      expect(codes.size, name).toBeGreaterThan(0);
    expect(CODELISTS.TransactionType.get('3')).toBe('Disbursement');
    expect(CODELISTS.PolicyMarker.has('10')).toBe(true);
    expect(isCode('FileFormat', 'application/pdf')).toBe(true);
  });

  it('flags withdrawn codes but still knows them', () => {
    expect(isCode('SectorCategory', '230')).toBe(true);
    expect(isWithdrawnCode('SectorCategory', '230')).toBe(true);
    expect(isWithdrawnCode('SectorCategory', '210')).toBe(false);
    for (const [name, set] of Object.entries(WITHDRAWN_CODES)) {
      const list = CODELISTS[name as keyof typeof CODELISTS];
      for (const code of set) expect(list.has(code), `${name} ${code}`).toBe(true);
    }
  });

  it('has a Russian name for every sector category, transaction type and activity status', () => {
    expect([...SECTOR_CATEGORY_NAMES_RU.keys()].sort()).toEqual(
      [...CODELISTS.SectorCategory.keys()].sort(),
    );
    expect([...TRANSACTION_TYPE_NAMES_RU.keys()]).toEqual([...CODELISTS.TransactionType.keys()]);
    expect([...ACTIVITY_STATUS_NAMES_RU.keys()]).toEqual([...CODELISTS.ActivityStatus.keys()]);
  });

  it('has a Russian name, in Cyrillic, for every DAC 5-digit sector in the shipped codelist', () => {
    expect([...SECTOR_NAMES_RU.keys()]).toEqual([...CODELISTS.Sector.keys()]);
    for (const [code, name] of SECTOR_NAMES_RU) {
      expect(name, code).toMatch(/^[А-ЯЁ]/);
      expect(name, code).not.toBe(CODELISTS.Sector.get(code));
    }
    // The same English name gets the same Russian one, whichever code carries it.
    const byEnglish = new Map<string, Set<string>>();
    for (const [code, english] of CODELISTS.Sector) {
      const key = english.toLowerCase();
      byEnglish.set(key, (byEnglish.get(key) ?? new Set()).add(SECTOR_NAMES_RU.get(code)!));
    }
    for (const [english, names] of byEnglish) expect([...names], english).toHaveLength(1);
  });
});
