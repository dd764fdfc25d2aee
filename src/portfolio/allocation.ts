import type {
  ActivityInput,
  Budget,
  Decimal,
  FlowOrg,
  PolicyMarker,
  RecipientCountry,
  RecipientRegion,
  ReportingOrg,
  SectorShare,
  TransactionInput,
  VocabularyCode,
} from './activity.model.ts';

/** What a multi-country activity does not allocate to one of its countries. */
export const REGIONAL = 'regional';
/** A transaction whose activity names no sector. */
export const UNSPECIFIED_SECTOR = 'unspecified';

export interface Share {
  key: string;
  /** Weight in ten-thousandths of a percent, so "33.3333" is exact. */
  weight: bigint;
}

/** What splitting and counting read of a transaction. */
export interface AllocationTransaction extends Pick<TransactionInput, 'type' | 'date'> {
  providerOrg: Pick<FlowOrg, 'ref' | 'activityId'> | null;
  receiverOrg: Pick<FlowOrg, 'activityId'> | null;
  recipientCountry: Pick<RecipientCountry, 'code'> | null;
  recipientRegion: Pick<VocabularyCode, 'code'> | null;
  sectors: Pick<VocabularyCode, 'vocabulary' | 'code'>[];
}

/**
 * What splitting and counting read of an activity: a small part of it, which the importer's
 * parsing thread hands over instead of the whole activity.
 */
export interface AllocationInput {
  iatiIdentifier: string;
  status: string | null;
  cluster: number | null;
  reportingOrg: Pick<ReportingOrg, 'ref'>;
  recipientCountries: Pick<RecipientCountry, 'code' | 'percentage'>[];
  recipientRegions: Pick<RecipientRegion, 'code' | 'percentage'>[];
  sectors: Pick<SectorShare, 'vocabulary' | 'code' | 'percentage'>[];
  policyMarkers: Pick<PolicyMarker, 'vocabulary' | 'code' | 'significance'>[];
  budgets: Pick<Budget, 'type' | 'periodStart'>[];
  transactions: AllocationTransaction[];
}

export function allocationInputOf(activity: ActivityInput): AllocationInput {
  const code = ({ code }: { code: string }) => ({ code });
  const share = ({ code, percentage }: { code: string; percentage: Decimal | null }) => ({
    code,
    percentage,
  });
  return {
    iatiIdentifier: activity.iatiIdentifier,
    status: activity.status,
    cluster: activity.cluster,
    reportingOrg: { ref: activity.reportingOrg.ref },
    recipientCountries: activity.recipientCountries.map(share),
    recipientRegions: activity.recipientRegions.map(share),
    sectors: activity.sectors.map(({ vocabulary, code, percentage }) => ({
      vocabulary,
      code,
      percentage,
    })),
    policyMarkers: activity.policyMarkers.map(({ vocabulary, code, significance }) => ({
      vocabulary,
      code,
      significance,
    })),
    budgets: activity.budgets.map(({ type, periodStart }) => ({ type, periodStart })),
    transactions: activity.transactions.map((t) => ({
      type: t.type,
      date: t.date,
      providerOrg: t.providerOrg && {
        ref: t.providerOrg.ref,
        activityId: t.providerOrg.activityId,
      },
      receiverOrg: t.receiverOrg && { activityId: t.receiverOrg.activityId },
      recipientCountry: t.recipientCountry && code(t.recipientCountry),
      recipientRegion: t.recipientRegion && code(t.recipientRegion),
      sectors: t.sectors.map(({ vocabulary, code }) => ({ vocabulary, code })),
    })),
  };
}

/** What a transaction may say about where its own money goes; a budget says nothing. */
export type OwnDestination = Pick<
  AllocationTransaction,
  'recipientCountry' | 'recipientRegion' | 'sectors'
>;

export interface Allocation {
  country: string;
  sectorVocabulary: string | null;
  sector: string;
  cents: number;
}

const WEIGHT_SCALE = 4;

/** A published percentage as an exact integer weight; null or malformed counts as nothing. */
export function percentageWeight(percentage: Decimal | null): bigint | null {
  if (percentage === null) return null;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(percentage.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const digits = (fraction + '0'.repeat(WEIGHT_SCALE)).slice(0, WEIGHT_SCALE);
  return BigInt(whole) * 10n ** BigInt(WEIGHT_SCALE) + BigInt(digits);
}

const HUNDRED = percentageWeight('100')!;

/**
 * The countries a transaction's money goes to: its own recipient country, else the activity's
 * countries by percentage, with what they leave of 100% (a region, or unstated) as "regional".
 */
export function countryShares(activity: AllocationInput, transaction: OwnDestination): Share[] {
  if (transaction.recipientCountry)
    return [{ key: transaction.recipientCountry.code, weight: HUNDRED }];
  if (transaction.recipientRegion) return [{ key: REGIONAL, weight: HUNDRED }];
  const countries = activity.recipientCountries;
  if (countries.length === 0) return [{ key: REGIONAL, weight: HUNDRED }];
  if (countries.length === 1 && activity.recipientRegions.length === 0) {
    return [{ key: countries[0]!.code, weight: HUNDRED }];
  }
  const declared = countries.map((c) => ({ key: c.code, weight: percentageWeight(c.percentage) }));
  // Several countries but no percentages: IATI requires them, so share equally rather than guess.
  if (declared.every((d) => d.weight === null)) {
    return countries.map((c) => ({ key: c.code, weight: HUNDRED / BigInt(countries.length) }));
  }
  const shares = declared.map((d) => ({ key: d.key, weight: d.weight ?? 0n }));
  const allocated = shares.reduce((sum, s) => sum + s.weight, 0n);
  if (allocated < HUNDRED) shares.push({ key: REGIONAL, weight: HUNDRED - allocated });
  return shares;
}

/**
 * The sectors a transaction's money goes to, in one vocabulary: the transaction's own sector,
 * else the activity's DAC 5-digit sectors, else its DAC 3-digit ones, else any one vocabulary.
 */
export function sectorShares(
  activity: AllocationInput,
  transaction: OwnDestination,
): { vocabulary: string | null; shares: Share[] } {
  const own = transaction.sectors.find((s) => s.vocabulary === '1' || s.vocabulary === '2');
  const first = own ?? transaction.sectors[0];
  if (first)
    return { vocabulary: first.vocabulary, shares: [{ key: first.code, weight: HUNDRED }] };
  const vocabularies = ['1', '2', ...activity.sectors.map((s) => s.vocabulary)];
  const vocabulary = vocabularies.find((v) => activity.sectors.some((s) => s.vocabulary === v));
  if (vocabulary === undefined) {
    return { vocabulary: null, shares: [{ key: UNSPECIFIED_SECTOR, weight: HUNDRED }] };
  }
  const sectors = activity.sectors.filter((s) => s.vocabulary === vocabulary);
  if (sectors.length === 1) {
    return { vocabulary, shares: [{ key: sectors[0]!.code, weight: HUNDRED }] };
  }
  const shares = sectors.map((s) => ({
    key: s.code,
    weight: percentageWeight(s.percentage) ?? 0n,
  }));
  if (shares.every((s) => s.weight === 0n)) {
    return { vocabulary, shares: sectors.map((s) => ({ key: s.code, weight: 1n })) };
  }
  return { vocabulary, shares };
}

/**
 * Splits an amount of cents by weights so the parts sum back to it exactly: each part gets the
 * floor of its share, and the cents left over go to the largest remainders (ties in order).
 */
export function splitCents(cents: number, weights: readonly bigint[]): number[] {
  if (weights.length === 1) return [cents];
  const total = weights.reduce((sum, w) => sum + w, 0n);
  if (weights.length === 0) return [];
  if (total === 0n) return weights.map((_, i) => (i === 0 ? cents : 0));
  const negative = cents < 0;
  const amount = BigInt(Math.abs(cents));
  const parts = weights.map((w) => (amount * w) / total);
  const remainders = weights.map((w, i) => ({ i, rest: (amount * w) % total }));
  let left = amount - parts.reduce((sum, p) => sum + p, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => (negative ? -Number(p) : Number(p)));
}

/** Where a transaction's money goes: country × sector cells and their weights. */
export interface Destinations {
  vocabulary: string | null;
  cells: { country: string; sector: string; weight: bigint }[];
}

export function destinationsOf(
  activity: AllocationInput,
  transaction: OwnDestination,
): Destinations {
  const countries = countryShares(activity, transaction);
  const { vocabulary, shares: sectors } = sectorShares(activity, transaction);
  const cells = countries.flatMap((c) =>
    sectors.map((s) => ({ country: c.key, sector: s.key, weight: c.weight * s.weight })),
  );
  return { vocabulary, cells };
}

/** An amount split over destinations; the parts sum to `cents` exactly. */
export function allocateTo(destinations: Destinations, cents: number): Allocation[] {
  const { vocabulary, cells } = destinations;
  const split = splitCents(
    cents,
    cells.map((cell) => cell.weight),
  );
  return cells.map((cell, i) => ({
    country: cell.country,
    sectorVocabulary: vocabulary,
    sector: cell.sector,
    cents: split[i]!,
  }));
}

/** A transaction's US cents by country × sector; the parts sum to `cents` exactly. */
export function allocateTransaction(
  activity: AllocationInput,
  transaction: OwnDestination,
  cents: number,
): Allocation[] {
  return allocateTo(destinationsOf(activity, transaction), cents);
}
