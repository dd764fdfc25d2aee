import type { Db } from '../db/database.ts';
import { centsToDecimal } from '../portfolio/money.ts';
import { apportion } from './apportion.ts';
import {
  sumByMarkers,
  sumByShareActivity,
  type ClimateFilter,
  type DimensionValues,
} from './climate-finance.repository.ts';
import { loadComponentShares } from './climate-share.repository.ts';
import { EFFECTIVE_SCALE, effectiveShares } from './climate-share.model.ts';
import type {
  ClimateAmounts,
  ClimateAnswer,
  ClimateDimension,
  ClimateQuery,
  ClimateRow,
  MarkerAmounts,
} from './climate.schema.ts';
import { describeCoefficients, markerParts, parseCoefficients } from './markers.ts';
import { shareOf, WHOLE_BP } from './percent.ts';

/** Amounts before rounding: cents times a scale, so that no cent is lost until the end. */
interface Scaled {
  mitigationOnly: bigint;
  adaptationOnly: bigint;
  dual: bigint;
}

interface Cell {
  dims: DimensionValues;
  portfolio: bigint;
  markers: Scaled & { drr: bigint };
  components: Scaled;
}

const MARKER_SCALE = BigInt(WHOLE_BP);

const emptyScaled = (): Scaled => ({ mitigationOnly: 0n, adaptationOnly: 0n, dual: 0n });

/** Rounds a column of scaled parts so each column's cents add up to its rounded total. */
function roundColumns<K extends string>(
  cells: readonly Record<K, bigint>[],
  keys: readonly K[],
  scale: bigint,
): Record<K, number>[] {
  const rounded = cells.map(() => ({}) as Record<K, number>);
  for (const key of keys) {
    apportion(
      cells.map((c) => c[key]),
      scale,
    ).forEach((value, i) => (rounded[i]![key] = value));
  }
  return rounded;
}

const PUBLISHED = ['mitigation', 'adaptation', 'dual', 'climate'] as const;
type Published = Record<(typeof PUBLISHED)[number], bigint>;

/**
 * The columns a view publishes, still scaled: each is rounded once, from its exact value, so no
 * column gains or loses the cents that adding rounded parts would (a one-cent flow marked for
 * both could otherwise show two cents of climate finance).
 */
function published(parts: {
  mitigationOnly: bigint;
  adaptationOnly: bigint;
  dual: bigint;
}): Published {
  return {
    mitigation: parts.mitigationOnly + parts.dual,
    adaptation: parts.adaptationOnly + parts.dual,
    dual: parts.dual,
    climate: parts.mitigationOnly + parts.adaptationOnly + parts.dual,
  };
}

function amounts(
  cents: Record<(typeof PUBLISHED)[number], number>,
  portfolio: bigint,
): ClimateAmounts {
  return {
    mitigation: centsToDecimal(cents.mitigation),
    adaptation: centsToDecimal(cents.adaptation),
    dual: centsToDecimal(cents.dual),
    climate: centsToDecimal(cents.climate),
    sharePercent: shareOf(BigInt(cents.climate), portfolio),
  };
}

const keyOf = (dims: DimensionValues, by: readonly ClimateDimension[]) =>
  by.map((d) => String(dims[d])).join('\u0000');

/**
 * Climate finance in both views, by the requested dimensions: from the activities' policy
 * markers with the given coefficients, and from the component shares the banks report. Every
 * amount is exact to the cent; each column's rows add up to its total.
 */
export async function climateFinance(db: Db, query: ClimateQuery): Promise<ClimateAnswer> {
  const coefficients = parseCoefficients(query);
  const filter: ClimateFilter = { ...query };
  const cells = new Map<string, Cell>();
  const cellOf = (dims: DimensionValues) => {
    const key = keyOf(dims, query.by);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        dims,
        portfolio: 0n,
        markers: { ...emptyScaled(), drr: 0n },
        components: emptyScaled(),
      };
      cells.set(key, cell);
    }
    return cell;
  };

  for (const row of await sumByMarkers(db, filter, query.by)) {
    const cell = cellOf(row.dims);
    cell.portfolio += row.cents;
    const parts = markerParts(row.cents, row, coefficients);
    cell.markers.mitigationOnly += parts.mitigationOnly;
    cell.markers.adaptationOnly += parts.adaptationOnly;
    cell.markers.dual += parts.dual;
    cell.markers.drr += parts.drr;
  }

  const components = await loadComponentShares(db);
  const activities = new Set<string>();
  for (const row of await sumByShareActivity(db, filter, query.by)) {
    const found = components.get(row.iatiIdentifier);
    if (!found) continue;
    activities.add(row.iatiIdentifier);
    const shares = effectiveShares(found);
    const cell = cellOf(row.dims);
    cell.components.mitigationOnly += row.cents * shares.mitigationOnly;
    cell.components.adaptationOnly += row.cents * shares.adaptationOnly;
    cell.components.dual += row.cents * shares.dual;
  }

  const ordered = [...cells.values()].sort((a, b) =>
    query.by.includes('year') && a.dims.year !== b.dims.year
      ? Number(a.dims.year) - Number(b.dims.year)
      : a.portfolio === b.portfolio
        ? keyOf(a.dims, query.by).localeCompare(keyOf(b.dims, query.by))
        : a.portfolio > b.portfolio
          ? -1
          : 1,
  );
  const markerKeys = [...PUBLISHED, 'drr'] as const;
  const componentKeys = PUBLISHED;
  const markerCents = roundColumns(
    ordered.map((c) => ({ ...published(c.markers), drr: c.markers.drr })),
    markerKeys,
    MARKER_SCALE,
  );
  const componentCents = roundColumns(
    ordered.map((c) => published(c.components)),
    componentKeys,
    EFFECTIVE_SCALE,
  );

  const sumOf = <K extends string>(rows: readonly Record<K, number>[], key: K) =>
    rows.reduce((total, r) => total + r[key], 0);
  const markerView = (parts: Record<(typeof markerKeys)[number], number>, portfolio: bigint) =>
    ({ ...amounts(parts, portfolio), drr: centsToDecimal(parts.drr) }) satisfies MarkerAmounts;

  const rows: ClimateRow[] = ordered.map((cell, i) => ({
    ...cell.dims,
    portfolio: centsToDecimal(Number(cell.portfolio)),
    markers: markerView(markerCents[i]!, cell.portfolio),
    components: amounts(componentCents[i]!, cell.portfolio),
  }));
  const portfolio = ordered.reduce((total, c) => total + c.portfolio, 0n);
  const totalMarkers = Object.fromEntries(
    markerKeys.map((k) => [k, sumOf(markerCents, k)]),
  ) as Record<(typeof markerKeys)[number], number>;
  const totalComponents = Object.fromEntries(
    componentKeys.map((k) => [k, sumOf(componentCents, k)]),
  ) as Record<(typeof componentKeys)[number], number>;
  return {
    measure: query.measure,
    by: query.by,
    asOf: query.asOf ?? null,
    coefficients: describeCoefficients(coefficients),
    total: {
      portfolio: centsToDecimal(Number(portfolio)),
      markers: markerView(totalMarkers, portfolio),
      components: { ...amounts(totalComponents, portfolio), activities: activities.size },
    },
    rows,
  };
}
