import { countryByIso2 } from '../reference/index.ts';
import { formatUsd } from './currency.ts';
import {
  cofinancingCents,
  requestedCents,
  type DocumentKind,
  type ProposalContent,
} from './proposal.model.ts';
import type { FacilityRules } from './rules.ts';

export interface RuleVerdict {
  rule: string;
  passed: boolean;
  /** What the rule found, in words a focal point can act on. */
  detail: string;
}

export interface ScreeningFacts {
  content: ProposalContent;
  leadCountry: string;
  endorsedCountries: ReadonlySet<string>;
  documents: readonly { kind: DocumentKind; country: string | null }[];
  /** Requested by the lead country's proposals submitted in the same year, this one included. */
  countryYearRequestedCents: number;
  year: number;
}

const usd = (cents: number) => `$${formatUsd(cents)}`;

/** Applies every eligibility rule to a proposal; one verdict a rule, in the rules' order. */
export function screen(rules: FacilityRules, facts: ScreeningFacts): RuleVerdict[] {
  const e = rules.eligibility;
  const { content } = facts;
  const verdicts: RuleVerdict[] = [];
  const verdict = (rule: string, passed: boolean, detail: string) =>
    verdicts.push({ rule, passed, detail });

  if (e.memberCountriesOnly) {
    const outsiders = content.countries.filter((c) => !countryByIso2(c)?.member);
    verdict(
      'member_countries',
      outsiders.length === 0,
      outsiders.length === 0
        ? `every country is a CAREC member: ${content.countries.join(', ')}`
        : `not CAREC members: ${outsiders.join(', ')}`,
    );
  }

  if (e.requireClimateOrSustainableRelevance) {
    const climate = content.climate;
    const marked = climate && (climate.mitigation || climate.adaptation || climate.disasterRisk);
    const relevant = Boolean(
      (marked && climate.sharePercent > 0) || content.sustainableDevelopment,
    );
    verdict(
      'relevance',
      relevant,
      relevant
        ? marked && climate.sharePercent > 0
          ? `climate share ${climate.sharePercent}% (${[
              climate.mitigation && 'mitigation',
              climate.adaptation && 'adaptation',
              climate.disasterRisk && 'disaster risk',
            ]
              .filter(Boolean)
              .join(', ')})`
          : 'a sustainable-development rationale is given'
        : 'no climate share and no sustainable-development rationale',
    );
  }

  const { minCountries, allowSingleCountryWithRegionalBenefit } = e.regional;
  const enoughCountries = content.countries.length >= minCountries;
  const byBenefit = allowSingleCountryWithRegionalBenefit && Boolean(content.regionalBenefit);
  verdict(
    'regional',
    enoughCountries || byBenefit,
    enoughCountries
      ? `${content.countries.length} countries (at least ${minCountries} needed)`
      : byBenefit
        ? `one country, with a stated regional benefit`
        : `${content.countries.length} of ${minCountries} countries and no stated regional benefit`,
  );

  const requested = requestedCents(content);
  verdict(
    'cap_per_proposal',
    requested > 0 && requested <= rules.caps.perProposal,
    `requests ${usd(requested)}; the cap is ${usd(rules.caps.perProposal)}`,
  );
  verdict(
    'cap_per_country_year',
    facts.countryYearRequestedCents <= rules.caps.perCountryYear,
    `${facts.leadCountry} requests ${usd(facts.countryYearRequestedCents)} in ${facts.year}, ` +
      `this proposal included; the cap is ${usd(rules.caps.perCountryYear)}`,
  );

  const missing: string[] = [];
  for (const kind of e.requiredDocuments) {
    if (kind === 'endorsement_letter') {
      for (const country of content.countries) {
        const has = facts.documents.some((d) => d.kind === kind && d.country === country);
        if (!has) missing.push(`endorsement letter from ${country}`);
      }
    } else if (!facts.documents.some((d) => d.kind === kind)) {
      missing.push(kind.replaceAll('_', ' '));
    }
  }
  verdict(
    'required_documents',
    missing.length === 0,
    missing.length === 0 ? 'every required document is attached' : `missing: ${missing.join('; ')}`,
  );

  if (e.endorsementByEveryCountry) {
    const waiting = content.countries.filter((c) => !facts.endorsedCountries.has(c));
    verdict(
      'endorsements',
      waiting.length === 0,
      waiting.length === 0
        ? 'endorsed by every country'
        : `not yet endorsed by ${waiting.join(', ')}`,
    );
  }

  const cofinancing = cofinancingCents(content);
  // Compared in integers: ratio × requested, with the ratio in millionths.
  const needed = Math.ceil((requested * Math.round(e.minCofinancingRatio * 1e6)) / 1e6);
  verdict(
    'cofinancing',
    cofinancing >= needed,
    `co-financing ${usd(cofinancing)}; at least ${usd(needed)} needed (${e.minCofinancingRatio} of the request)`,
  );
  return verdicts;
}

export interface ScreeningOverride {
  rule: string;
  passed: boolean;
  reason: string;
  actor: string;
  at: string;
}

export interface EffectiveVerdict extends RuleVerdict {
  /** The secretariat's override, when one was made; `passed` is then the override's. */
  override: ScreeningOverride | null;
}

/** The verdicts with the latest override of each rule applied. */
export function withOverrides(
  verdicts: readonly RuleVerdict[],
  overrides: readonly ScreeningOverride[],
): EffectiveVerdict[] {
  return verdicts.map((v) => {
    const override = overrides.filter((o) => o.rule === v.rule).at(-1) ?? null;
    return { ...v, passed: override ? override.passed : v.passed, override };
  });
}
