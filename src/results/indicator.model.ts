import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isDecimal } from '../portfolio/money.ts';
import { CLUSTERS, countryByIso2 } from '../reference/index.ts';

export const DIRECTIONS = ['higher', 'lower'] as const;
export const AGGREGATIONS = ['sum', 'none'] as const;
export const VALUE_KINDS = ['baseline', 'target', 'actual'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** The programme as a whole, beside the member countries. */
export const PROGRAMME = 'CAREC';

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(1990).max(2100);

export const MappingSchema = z.union([
  z.object({ title: text(500) }).strict(),
  z.object({ vocabulary: text(20), code: text(200) }).strict(),
]);

export const IndicatorInputSchema = z
  .object({
    name: z.object({ en: text(300), ru: text(300) }).strict(),
    unit: z.object({ en: text(60), ru: text(60) }).strict(),
    cluster: z
      .number()
      .int()
      .refine((c) => CLUSTERS.some((k) => k.code === c), { message: 'not a CAREC cluster (1–5)' })
      .nullable(),
    direction: z.enum(DIRECTIONS),
    aggregation: z.enum(AGGREGATIONS),
    baselineYear: year,
    decimals: z.number().int().min(0).max(4),
    mappings: z.array(MappingSchema).max(50).default([]),
  })
  .strict();

export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;
export type MappingInput = z.infer<typeof MappingSchema>;

export const IndicatorCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, 'an indicator code of capitals, digits and dashes (ROAD-KM)');

export const ValueInputSchema = z
  .object({
    indicator: IndicatorCode,
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => c === PROGRAMME || countryByIso2(c)?.member === true, {
        message: `a CAREC member (ISO alpha-2) or ${PROGRAMME}`,
      }),
    year,
    kind: z.enum(VALUE_KINDS),
    value: z
      .union([z.string().trim(), z.number()])
      .transform((v) => String(v))
      .refine(isDecimal, { message: 'a decimal number' }),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export type ValueInput = z.infer<typeof ValueInputSchema>;

/** Parses input with a schema, naming the first wrong field. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError('bad_request', `${issue.path.join('.') || what}: ${issue.message}`);
}

/** A title as mappings compare it: lower case, spaces collapsed. */
export const normalTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

export interface Indicator {
  code: string;
  name: { en: string; ru: string };
  unit: { en: string; ru: string };
  cluster: number | null;
  direction: (typeof DIRECTIONS)[number];
  aggregation: (typeof AGGREGATIONS)[number];
  baselineYear: number;
  decimals: number;
  demo: boolean;
  mappings: ({ title: string } | { vocabulary: string; code: string })[];
}

export interface RecordedValue {
  indicator: string;
  country: string;
  year: number;
  kind: ValueKind;
  value: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  demo: boolean;
}
