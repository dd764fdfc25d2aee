import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { DOCUMENT_KINDS } from './proposal.model.ts';
import { usdCents } from './currency.ts';

const usdAmount = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'a US dollar amount like 1500000');

const RulesSchema = z
  .object({
    version: z.string().min(1).max(100),
    note: z.string().max(2000).optional(),
    eligibility: z
      .object({
        memberCountriesOnly: z.boolean(),
        requireClimateOrSustainableRelevance: z.boolean(),
        regional: z
          .object({
            minCountries: z.number().int().min(1).max(11),
            allowSingleCountryWithRegionalBenefit: z.boolean(),
          })
          .strict(),
        capPerProposalUsd: usdAmount,
        capPerCountryPerYearUsd: usdAmount,
        requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length),
        endorsementByEveryCountry: z.boolean(),
        minCofinancingRatio: z.number().min(0).max(100),
      })
      .strict(),
    scoring: z
      .object({
        scale: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
        minReviewers: z.number().int().min(1).max(20),
        criteria: z
          .array(
            z
              .object({
                id: z.string().regex(/^[a-z_]{1,40}$/),
                en: z.string().min(1),
                ru: z.string().min(1),
                weight: z.number().int().positive(),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict()
      .refine((s) => s.scale.min < s.scale.max, { message: 'scale.min must be below scale.max' })
      .refine((s) => new Set(s.criteria.map((c) => c.id)).size === s.criteria.length, {
        message: 'criteria ids must differ',
      }),
    committee: z.object({ defaultQuorum: z.number().int().min(1).max(50) }).strict(),
  })
  .strict();

export type FacilityRules = z.infer<typeof RulesSchema> & {
  /** The caps in cents, computed once at load. */
  caps: { perProposal: number; perCountryYear: number };
};

/** A wrong rules document is a configuration error: the command stops with one clear line. */
export class RulesError extends ConfigError {
  override name = 'RulesError';
}

/** Validates a rules document; a wrong one is refused whole, naming the field and the file. */
export function parseRules(document: unknown, source: string): FacilityRules {
  const parsed = RulesSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(document)'}: ${i.message}`,
    );
    throw new RulesError(`${source}: invalid facility rules:\n  ${problems.join('\n  ')}`);
  }
  const rules = parsed.data;
  return {
    ...rules,
    caps: {
      perProposal: usdCents(rules.eligibility.capPerProposalUsd),
      perCountryYear: usdCents(rules.eligibility.capPerCountryPerYearUsd),
    },
  };
}

const DEFAULT_RULES_FILE = new URL('./facility-rules.json', import.meta.url);

/** The rules at this path, or Caravan's default rules when none is given. */
export function loadRules(path: string | null = null): FacilityRules {
  const file = path ?? DEFAULT_RULES_FILE;
  const source = String(path ?? 'the default facility rules');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulesError(`${source}: cannot read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RulesError(`${source}: not JSON: ${(error as Error).message}`);
  }
  return parseRules(document, source);
}
