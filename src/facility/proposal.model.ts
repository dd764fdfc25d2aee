import { z } from 'zod';
import { AppError } from '../errors.ts';
import { CLUSTERS, countryByIso2, isCode, organisationByRef } from '../reference/index.ts';
import { usdCents } from './currency.ts';
import { isCalendarDate } from '../calendar.ts';

/** The preparation work the facility pays for (DESIGN.md, "The fund"). */
export const PREPARATION_KINDS = [
  'feasibility_study',
  'esia',
  'climate_risk_assessment',
  'detailed_design',
  'transaction_advice',
] as const;

export const DOCUMENT_KINDS = [
  'concept_note',
  'terms_of_reference',
  'endorsement_letter',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const usdAmount = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, 'a US dollar amount like 250000 or 250000.50');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'not a calendar date' });
const country = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => countryByIso2(c) !== undefined, { message: 'not a known ISO 3166-1 country' });
const organisation = z
  .string()
  .trim()
  .refine((r) => organisationByRef(r) !== undefined, { message: 'not a known organisation ref' })
  .transform((r) => organisationByRef(r)!.ref);

/**
 * A proposal's content, as its focal point drafts it. A draft may be incomplete; submission
 * checks it is complete (submissionProblems) and freezes it as a version.
 */
export const ProposalContentSchema = z
  .object({
    title: z.object({ en: text(300), ru: text(300).optional() }).strict(),
    summary: z
      .object({ en: text(5000).optional(), ru: text(5000).optional() })
      .strict()
      .optional(),
    countries: z.array(country).min(1).max(11),
    cluster: z
      .number()
      .int()
      .refine((c) => CLUSTERS.some((k) => k.code === c), { message: 'not a CAREC cluster' })
      .optional(),
    sectors: z
      .array(
        z
          .object({
            code: z.string().refine((c) => isCode('Sector', c), { message: 'not a DAC 5 code' }),
            percentage: z.number().gt(0).max(100),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    climate: z
      .object({
        mitigation: z.boolean(),
        adaptation: z.boolean(),
        disasterRisk: z.boolean(),
        /** The share of the investment that is climate finance, in percent. */
        sharePercent: z.number().min(0).max(100),
        rationale: text(5000),
      })
      .strict()
      .optional(),
    sustainableDevelopment: text(5000).optional(),
    regionalBenefit: text(5000).optional(),
    investment: z
      .object({
        description: text(2000),
        sizeUsd: usdAmount,
        likelyFinancier: organisation,
      })
      .strict()
      .optional(),
    preparation: z
      .array(
        z
          .object({
            kind: z.enum(PREPARATION_KINDS),
            description: text(2000),
            budgetUsd: usdAmount,
            start: isoDate,
            end: isoDate,
          })
          .strict()
          .refine((p) => p.start <= p.end, { message: 'end is before start', path: ['end'] }),
      )
      .max(30)
      .optional(),
    cofinancing: z
      .array(z.object({ source: text(200), amountUsd: usdAmount }).strict())
      .max(20)
      .optional(),
  })
  .strict();

export type ProposalContent = z.infer<typeof ProposalContentSchema>;

/** Parses content from a request, naming the first wrong field. */
export function parseProposalContent(input: unknown): ProposalContent {
  const parsed = ProposalContentSchema.safeParse(input);
  if (parsed.success) {
    const countries = parsed.data.countries;
    if (new Set(countries).size !== countries.length) {
      throw new AppError('bad_request', 'countries: a country is named twice');
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  throw new AppError('bad_request', `${issue.path.join('.') || 'proposal'}: ${issue.message}`);
}

export function requestedCents(content: ProposalContent): number {
  return (content.preparation ?? []).reduce((sum, p) => sum + usdCents(p.budgetUsd), 0);
}

export function cofinancingCents(content: ProposalContent): number {
  return (content.cofinancing ?? []).reduce((sum, c) => sum + usdCents(c.amountUsd), 0);
}

/** What a draft still lacks before it can be submitted; empty when complete. */
export function submissionProblems(content: ProposalContent): string[] {
  const problems: string[] = [];
  if (!content.summary?.en) problems.push('summary.en: a summary is required');
  if (content.cluster === undefined) problems.push('cluster: choose a CAREC cluster');
  if (!content.sectors?.length) problems.push('sectors: name at least one sector');
  const sectorTotal = (content.sectors ?? []).reduce((sum, s) => sum + s.percentage, 0);
  if (content.sectors?.length && Math.abs(sectorTotal - 100) > 0.01) {
    problems.push(`sectors: percentages sum to ${sectorTotal}, not 100`);
  }
  if (!content.climate && !content.sustainableDevelopment) {
    problems.push('climate: give a climate rationale or a sustainable-development rationale');
  }
  if (!content.investment) problems.push('investment: describe the investment it prepares for');
  if (!content.preparation?.length) problems.push('preparation: request at least one item');
  return problems;
}
