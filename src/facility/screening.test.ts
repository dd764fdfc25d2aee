import { describe, expect, it } from 'vitest';
import { voteRefusal } from './committee.service.ts';
import { proposalContent, RULES } from './facility.test-support.ts';
import { parseProposalContent } from './proposal.model.ts';
import { weightedHundredths } from './review.service.ts';
import { parseRules } from './rules.ts';
import { screen, withOverrides, type ScreeningFacts } from './screening.ts';

function facts(content: unknown, overrides: Partial<ScreeningFacts> = {}): ScreeningFacts {
  const parsed = parseProposalContent(content);
  return {
    content: parsed,
    leadCountry: parsed.countries[0]!,
    endorsedCountries: new Set(parsed.countries),
    documents: [
      { kind: 'concept_note', country: null },
      { kind: 'terms_of_reference', country: null },
      ...parsed.countries.map((country) => ({ kind: 'endorsement_letter' as const, country })),
    ],
    countryYearRequestedCents: 80_000_000,
    year: 2025,
    ...overrides,
  };
}

const failing = (f: ScreeningFacts) =>
  Object.fromEntries(
    screen(RULES, f)
      .filter((v) => !v.passed)
      .map((v) => [v.rule, v.detail]),
  );

describe('eligibility screening', () => {
  it('passes a complete regional proposal on every rule', () => {
    expect(failing(facts(proposalContent(['KZ', 'UZ'])))).toEqual({});
  });

  it('says which rule fails and why', () => {
    const content = {
      ...proposalContent(['KZ', 'TR'], '1500000.01'),
      regionalBenefit: undefined,
      cofinancing: [],
    };
    expect(
      failing(
        facts(content, {
          endorsedCountries: new Set(['KZ']),
          documents: [{ kind: 'concept_note', country: null }],
          countryYearRequestedCents: 300_000_001,
        }),
      ),
    ).toEqual({
      member_countries: 'not CAREC members: TR',
      cap_per_proposal: 'requests $1500000.01; the cap is $1500000.00',
      cap_per_country_year:
        'KZ requests $3000000.01 in 2025, this proposal included; the cap is $3000000.00',
      required_documents:
        'missing: terms of reference; endorsement letter from KZ; endorsement letter from TR',
      endorsements: 'not yet endorsed by TR',
      cofinancing: 'co-financing $0.00; at least $150000.01 needed (0.1 of the request)',
    });
  });

  it('accepts one country with a stated regional benefit, and refuses one without', () => {
    expect(failing(facts(proposalContent(['KZ'])))).toEqual({});
    expect(failing(facts({ ...proposalContent(['KZ']), regionalBenefit: undefined }))).toEqual({
      regional: '1 of 2 countries and no stated regional benefit',
    });
  });

  it('needs climate relevance or a sustainable-development rationale', () => {
    const content = { ...proposalContent(['KZ', 'UZ']), climate: undefined };
    expect(failing(facts(content))).toEqual({
      relevance: 'no climate share and no sustainable-development rationale',
    });
    expect(
      failing(facts({ ...content, sustainableDevelopment: 'Safer border crossings' })),
    ).toEqual({});
  });

  it('lets the latest override decide a verdict', () => {
    const verdicts = screen(RULES, facts(proposalContent(['KZ', 'TR'])));
    const overridden = withOverrides(verdicts, [
      {
        rule: 'member_countries',
        passed: true,
        reason: 'TR participates as observer',
        actor: 'a',
        at: '1',
      },
    ]);
    expect(overridden.find((v) => v.rule === 'member_countries')).toMatchObject({
      passed: true,
      detail: 'not CAREC members: TR',
    });
  });
});

describe('the rules document', () => {
  it('is refused whole when a field is wrong, naming it', () => {
    const document = {
      version: RULES.version,
      eligibility: RULES.eligibility,
      scoring: RULES.scoring,
      committee: RULES.committee,
    };
    expect(() =>
      parseRules({ ...document, scoring: { ...document.scoring, minReviewers: 0 } }, 'rules.json'),
    ).toThrow(/rules.json: invalid facility rules:\n {2}scoring.minReviewers/);
    expect(() =>
      parseRules(
        { ...document, eligibility: { ...document.eligibility, requiredDocuments: ['passport'] } },
        'r.json',
      ),
    ).toThrow(/eligibility.requiredDocuments.0/);
  });

  it('weighs scores on the rubric, in whole hundredths', () => {
    expect(
      weightedHundredths(RULES, {
        climate_impact: 5,
        regional_benefit: 4,
        readiness: 3,
        financing_likelihood: 4,
        gender_inclusion: 3,
      }),
    ).toBe(405);
    expect(() => weightedHundredths(RULES, { climate_impact: 6 })).toThrow(
      /scores.climate_impact: a whole number from 0 to 5/,
    );
    expect(() =>
      weightedHundredths(RULES, {
        climate_impact: 1,
        regional_benefit: 1,
        readiness: 1,
        financing_likelihood: 1,
        gender_inclusion: 1,
        luck: 5,
      }),
    ).toThrow(/unknown criteria luck/);
  });
});

describe('committee votes', () => {
  it('decide by a majority of a quorum, with deferral when none has one', () => {
    expect(voteRefusal(['approve', 'approve'], 3, 'approve')).toMatch(/2 of the 3 votes/);
    expect(voteRefusal(['approve', 'approve_with_conditions', 'reject'], 3, 'approve')).toBeNull();
    expect(voteRefusal(['approve', 'defer', 'reject', 'reject'], 3, 'reject')).toMatch(
      /do not support reject/,
    );
    expect(voteRefusal(['approve', 'defer', 'reject', 'reject'], 3, 'defer')).toBeNull();
    expect(voteRefusal(['reject', 'reject', 'approve'], 3, 'defer')).toMatch(
      /do not support defer/,
    );
  });
});
