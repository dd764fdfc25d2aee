import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  facetGroups,
  facetToken,
  facetTsQuery,
  ftsMatch,
  yearExtentFacets,
  yearOfToken,
} from './activity-search.ts';

describe('activity search tokens', () => {
  it('gives every facet and value a token of its own, of letters and digits only', () => {
    const facets = ['country', 'partner', 'sector', 'region'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...facets),
        fc.string({ minLength: 1 }),
        fc.constantFrom(...facets),
        fc.string({ minLength: 1 }),
        (f1, v1, f2, v2) => {
          const [a, b] = [facetToken(f1, v1), facetToken(f2, v2)];
          expect(a).toMatch(/^[a-z][0-9a-f]+$/);
          expect(a === b).toBe(f1 === f2 && v1 === v2);
        },
      ),
    );
  });

  it('names each year of a closed range, and the years beyond the bounds of an open one', () => {
    const closed = facetGroups({ yearFrom: 2015, yearTo: 2017 });
    expect(closed).toEqual([
      ['y2015', 'y2016', 'y2017'].map((y) => facetToken('year', y.slice(1))),
    ]);
    // An open range asks for an activity's last year (from) or first year (to).
    const open = facetGroups({ yearFrom: 2099 })[0]!;
    expect(open).toEqual([
      facetToken('lastYear', 2099),
      facetToken('lastYear', 2100),
      facetToken('lastYear', '>2100'),
    ]);
    expect(facetGroups({ yearTo: 1900 })[0]).toEqual([
      facetToken('firstYear', '<1900'),
      facetToken('firstYear', 1900),
    ]);
  });

  it('names whole decades of a range by their decade, and the years around them one by one', () => {
    expect(facetGroups({ yearFrom: 2010, yearTo: 2020 })[0]).toEqual([
      facetToken('decade', 201),
      facetToken('year', 2020),
    ]);
    expect(facetGroups({ yearFrom: 2008, yearTo: 2031 })[0]).toEqual([
      facetToken('year', 2008),
      facetToken('year', 2009),
      facetToken('decade', 201),
      facetToken('decade', 202),
      facetToken('year', 2030),
      facetToken('year', 2031),
    ]);
    // The 2100s are beyond the decades: 2100 is named alone, later years by the open end.
    expect(facetGroups({ yearFrom: 2090 })[0]).toEqual([
      facetToken('lastDecade', 209),
      facetToken('lastYear', 2100),
      facetToken('lastYear', '>2100'),
    ]);
    expect(facetGroups({ yearTo: 1909 })[0]).toEqual([
      facetToken('firstYear', '<1900'),
      facetToken('firstDecade', 190),
    ]);
  });

  it('gives an activity one token of its first and last years and decades each', () => {
    expect(yearExtentFacets(2008, 2031).sort()).toEqual(
      [
        facetToken('firstYear', 2008),
        facetToken('firstDecade', 200),
        facetToken('lastYear', 2031),
        facetToken('lastDecade', 203),
      ].sort(),
    );
    // Beyond the bounds a filter can name: the shared tokens, and no decade.
    expect(yearExtentFacets(1850, 2150).sort()).toEqual(
      [facetToken('firstYear', '<1900'), facetToken('lastYear', '>2100')].sort(),
    );
    for (const year of [1850, 1900, 2024, 2100, 2150]) {
      expect(
        yearOfToken(facetToken('year', year < 1900 ? '<1900' : year > 2100 ? '>2100' : year)),
      ).toBe(year < 1900 ? 1899 : year > 2100 ? 2101 : year);
    }
    expect(yearOfToken(facetToken('country', 'KZ'))).toBeNull();
  });

  it('groups the values of one filter as alternatives and the filters as requirements', () => {
    const groups = facetGroups({ country: ['KZ', 'UZ'], status: ['2'], climate: 'any' });
    expect(groups).toHaveLength(3);
    expect(groups[0]).toEqual([facetToken('country', 'KZ'), facetToken('country', 'UZ')]);
    expect(groups[2]).toHaveLength(3);
    expect(facetTsQuery(groups.slice(0, 2))).toBe(
      `(${facetToken('country', 'KZ')} | ${facetToken('country', 'UZ')}) & (${facetToken('status', '2')})`,
    );
  });

  it('quotes every searched word, so that no word is an FTS5 operator or column filter', () => {
    const match = ftsMatch('" OR facets : NEAR( road', [[facetToken('status', '2')]]);
    expect(match).toBe(
      `{text} : ("""" "OR" "facets" ":" "NEAR(" "road") AND {facets} : ("${facetToken('status', '2')}")`,
    );
    expect(ftsMatch(undefined, [['c4b5a']])).toBe('{facets} : ("c4b5a")');
  });
});
