import type { ProposalContent } from '../../../../src/facility/proposal.model.ts';
import { centsOf, decimalOfCents, isUsdAmount } from './money.ts';

/**
 * The proposal form's state (every input as typed), its conversion to and from the API's
 * content, and the checks that mirror the API's: `ProposalContentSchema` for saving a draft
 * and `submissionProblems` for submitting (src/facility/proposal.model.ts).
 */

export type PreparationKind = NonNullable<ProposalContent['preparation']>[number]['kind'];

export interface SectorRow {
  code: string;
  percentage: string;
}
export interface PreparationRow {
  kind: PreparationKind | '';
  description: string;
  budgetUsd: string;
  start: string;
  end: string;
}
export interface CofinancingRow {
  source: string;
  amountUsd: string;
}

export interface ProposalForm {
  titleEn: string;
  titleRu: string;
  summaryEn: string;
  summaryRu: string;
  countries: string[];
  cluster: string;
  sectors: SectorRow[];
  mitigation: boolean;
  adaptation: boolean;
  disasterRisk: boolean;
  climateShare: string;
  climateRationale: string;
  sustainableDevelopment: string;
  regionalBenefit: string;
  investmentDescription: string;
  investmentSize: string;
  likelyFinancier: string;
  preparation: PreparationRow[];
  cofinancing: CofinancingRow[];
}

/** The API's limits on lists and texts. */
export const LIMITS = {
  title: 300,
  text: 5000,
  short: 2000,
  source: 200,
  sectors: 20,
  preparation: 30,
  cofinancing: 20,
} as const;

export const emptySector = (): SectorRow => ({ code: '', percentage: '' });
export const emptyPreparation = (): PreparationRow => ({
  kind: '',
  description: '',
  budgetUsd: '',
  start: '',
  end: '',
});
export const emptyCofinancing = (): CofinancingRow => ({ source: '', amountUsd: '' });

export function formOf(content: ProposalContent | null, lead: string): ProposalForm {
  return {
    titleEn: content?.title.en ?? '',
    titleRu: content?.title.ru ?? '',
    summaryEn: content?.summary?.en ?? '',
    summaryRu: content?.summary?.ru ?? '',
    countries: content?.countries ?? [lead],
    cluster: content?.cluster === undefined ? '' : String(content.cluster),
    sectors: (content?.sectors ?? []).map((s) => ({
      code: s.code,
      percentage: String(s.percentage),
    })),
    mitigation: content?.climate?.mitigation ?? false,
    adaptation: content?.climate?.adaptation ?? false,
    disasterRisk: content?.climate?.disasterRisk ?? false,
    climateShare: content?.climate ? String(content.climate.sharePercent) : '',
    climateRationale: content?.climate?.rationale ?? '',
    sustainableDevelopment: content?.sustainableDevelopment ?? '',
    regionalBenefit: content?.regionalBenefit ?? '',
    investmentDescription: content?.investment?.description ?? '',
    investmentSize: content?.investment?.sizeUsd ?? '',
    likelyFinancier: content?.investment?.likelyFinancier ?? '',
    preparation: (content?.preparation ?? []).map((p) => ({ ...p })),
    cofinancing: (content?.cofinancing ?? []).map((c) => ({ ...c })),
  };
}

const climateGiven = (f: ProposalForm) =>
  f.mitigation ||
  f.adaptation ||
  f.disasterRisk ||
  f.climateShare.trim() !== '' ||
  f.climateRationale.trim() !== '';
const investmentGiven = (f: ProposalForm) =>
  [f.investmentDescription, f.investmentSize, f.likelyFinancier].some((v) => v.trim() !== '');

/** A number as typed; an empty box is no number at all (not 0). */
const numberOf = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** Optional text: trimmed, and left out when empty (the API refuses an empty string). */
const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The content to send once `validate` finds no fault (read as it stands for the missing list). */
export function contentOf(f: ProposalForm): ProposalContent {
  const summary = { en: optional(f.summaryEn), ru: optional(f.summaryRu) };
  const content: ProposalContent = {
    title: { en: f.titleEn.trim(), ...(optional(f.titleRu) ? { ru: f.titleRu.trim() } : {}) },
    countries: f.countries,
  };
  if (summary.en || summary.ru) {
    content.summary = {
      ...(summary.en ? { en: summary.en } : {}),
      ...(summary.ru ? { ru: summary.ru } : {}),
    };
  }
  if (f.cluster) content.cluster = Number(f.cluster);
  if (f.sectors.length) {
    content.sectors = f.sectors.map((s) => ({ code: s.code, percentage: numberOf(s.percentage) }));
  }
  if (climateGiven(f)) {
    content.climate = {
      mitigation: f.mitigation,
      adaptation: f.adaptation,
      disasterRisk: f.disasterRisk,
      sharePercent: numberOf(f.climateShare),
      rationale: f.climateRationale.trim(),
    };
  }
  const sustainable = optional(f.sustainableDevelopment);
  if (sustainable) content.sustainableDevelopment = sustainable;
  const regional = optional(f.regionalBenefit);
  if (regional) content.regionalBenefit = regional;
  if (investmentGiven(f)) {
    content.investment = {
      description: f.investmentDescription.trim(),
      sizeUsd: f.investmentSize.trim(),
      likelyFinancier: f.likelyFinancier,
    };
  }
  if (f.preparation.length) {
    content.preparation = f.preparation.map((p) => ({
      kind: p.kind as PreparationKind,
      description: p.description.trim(),
      budgetUsd: p.budgetUsd.trim(),
      start: p.start,
      end: p.end,
    }));
  }
  if (f.cofinancing.length) {
    content.cofinancing = f.cofinancing.map((c) => ({
      source: c.source.trim(),
      amountUsd: c.amountUsd.trim(),
    }));
  }
  return content;
}

/** A fault in one field: a message key under `facility.form.errors`, with its values. */
export interface FieldError {
  message:
    | 'required'
    | 'tooLong'
    | 'usd'
    | 'percentage'
    | 'share'
    | 'date'
    | 'endBeforeStart'
    | 'countries'
    | 'leadMissing';
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

const isDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(text)) &&
  new Date(text).toISOString().startsWith(text);

/** What the API would refuse in this form, by field id; empty when it can be saved. */
export function validate(f: ProposalForm, lead: string): FieldErrors {
  const errors: FieldErrors = {};
  const text = (id: string, value: string, max: number, required: boolean) => {
    const trimmed = value.trim();
    if (required && !trimmed) errors[id] = { message: 'required' };
    else if (trimmed.length > max) errors[id] = { message: 'tooLong', values: { max } };
  };
  const usd = (id: string, value: string) => {
    if (!value.trim()) errors[id] = { message: 'required' };
    else if (!isUsdAmount(value)) errors[id] = { message: 'usd' };
  };

  text('titleEn', f.titleEn, LIMITS.title, true);
  text('titleRu', f.titleRu, LIMITS.title, false);
  text('summaryEn', f.summaryEn, LIMITS.text, false);
  text('summaryRu', f.summaryRu, LIMITS.text, false);
  if (f.countries.length === 0) errors['countries'] = { message: 'countries' };
  else if (!f.countries.includes(lead))
    errors['countries'] = { message: 'leadMissing', values: { country: lead } };
  f.sectors.forEach((s, i) => {
    if (!s.code) errors[`sectors.${i}.code`] = { message: 'required' };
    const percentage = numberOf(s.percentage);
    if (!(percentage > 0 && percentage <= 100))
      errors[`sectors.${i}.percentage`] = { message: 'percentage' };
  });
  if (climateGiven(f)) {
    const share = numberOf(f.climateShare);
    if (!(share >= 0 && share <= 100)) errors['climateShare'] = { message: 'share' };
    text('climateRationale', f.climateRationale, LIMITS.text, true);
  }
  text('sustainableDevelopment', f.sustainableDevelopment, LIMITS.text, false);
  text('regionalBenefit', f.regionalBenefit, LIMITS.text, false);
  if (investmentGiven(f)) {
    text('investmentDescription', f.investmentDescription, LIMITS.short, true);
    usd('investmentSize', f.investmentSize);
    if (!f.likelyFinancier) errors['likelyFinancier'] = { message: 'required' };
  }
  f.preparation.forEach((p, i) => {
    if (!p.kind) errors[`preparation.${i}.kind`] = { message: 'required' };
    text(`preparation.${i}.description`, p.description, LIMITS.short, true);
    usd(`preparation.${i}.budgetUsd`, p.budgetUsd);
    if (!isDate(p.start)) errors[`preparation.${i}.start`] = { message: 'date' };
    if (!isDate(p.end)) errors[`preparation.${i}.end`] = { message: 'date' };
    else if (isDate(p.start) && p.start > p.end)
      errors[`preparation.${i}.end`] = { message: 'endBeforeStart' };
  });
  f.cofinancing.forEach((c, i) => {
    text(`cofinancing.${i}.source`, c.source, LIMITS.source, true);
    usd(`cofinancing.${i}.amountUsd`, c.amountUsd);
  });
  return errors;
}

/** Sector percentages' sum, to two decimals (as typed, so 33.33 × 3 reads 99.99). */
export function sectorTotal(sectors: readonly { percentage: number | string }[]): number {
  return Math.round(sectors.reduce((sum, s) => sum + (Number(s.percentage) || 0), 0) * 100) / 100;
}

/** A thing a draft still lacks before submission: a key under `facility.form.missing`. */
export interface Missing {
  key:
    'summary' | 'cluster' | 'sectors' | 'sectorTotal' | 'rationale' | 'investment' | 'preparation';
  values?: Record<string, string | number>;
}

/** What the API's `submissionProblems` would list for this content; empty when complete. */
export function missingForSubmission(content: ProposalContent): Missing[] {
  const missing: Missing[] = [];
  if (!content.summary?.en) missing.push({ key: 'summary' });
  if (content.cluster === undefined) missing.push({ key: 'cluster' });
  if (!content.sectors?.length) missing.push({ key: 'sectors' });
  else {
    const total = content.sectors.reduce((sum, s) => sum + s.percentage, 0);
    if (Math.abs(total - 100) > 0.01)
      missing.push({ key: 'sectorTotal', values: { total: sectorTotal(content.sectors) } });
  }
  if (!content.climate && !content.sustainableDevelopment) missing.push({ key: 'rationale' });
  if (!content.investment) missing.push({ key: 'investment' });
  if (!content.preparation?.length) missing.push({ key: 'preparation' });
  return missing;
}

/** The amount requested: the sum of the preparation budgets that are amounts, as a decimal. */
export function requestedOf(rows: readonly PreparationRow[]): string {
  return decimalOfCents(
    rows.reduce((sum, p) => (isUsdAmount(p.budgetUsd) ? sum + centsOf(p.budgetUsd) : sum), 0n),
  );
}
