import type { Kysely } from 'kysely';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Database } from '../db/database.ts';
import { AS_OF } from '../portfolio/demo/targets.ts';
import { MEMBER_CODES } from '../reference/index.ts';
import { latestBy, matcherOf, type ProjectSeries } from './derive.ts';
import {
  IndicatorInputSchema,
  PROGRAMME,
  type IndicatorInput,
  type ValueInput,
} from './indicator.model.ts';
import { findIndicators, saveIndicator, saveValue } from './indicator.repository.ts';
import { loadLinkedSeries } from './linked-projects.repository.ts';

type DemoIndicator = IndicatorInput & { code: string };

const BASELINE_YEAR = 2017;
const km = { en: 'km', ru: 'км' };
const hours = { en: 'hours', ru: 'часов' };

/**
 * A demonstration results framework over the demo portfolio: indicators of the kinds CAREC
 * reports (DESIGN.md), mapped to the demo projects' IATI indicators by title. Indicators that
 * add up are derived from the projects; the others (times, rates) are recorded here as the
 * mean of the linked demo projects, so every figure follows from the projects.
 */
const INDICATORS: readonly DemoIndicator[] = [
  {
    code: 'ROAD-KM',
    name: { en: 'Roads built or improved', ru: 'Построенные или улучшенные дороги' },
    unit: km,
    cluster: 3,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Length of roads built or improved (km)' }],
  },
  {
    code: 'RAIL-KM',
    name: {
      en: 'Railways built, electrified or rehabilitated',
      ru: 'Построенные, электрифицированные или восстановленные железные дороги',
    },
    unit: km,
    cluster: 3,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Length of railway built, electrified or rehabilitated (km)' }],
  },
  {
    code: 'POWER-KM',
    name: {
      en: 'Transmission lines built or upgraded',
      ru: 'Построенные или модернизированные линии электропередачи',
    },
    unit: km,
    cluster: 3,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Length of transmission lines built or upgraded (km)' }],
  },
  {
    code: 'POWER-MW',
    name: {
      en: 'Generation capacity added or rehabilitated',
      ru: 'Введённые или восстановленные генерирующие мощности',
    },
    unit: { en: 'MW', ru: 'МВт' },
    cluster: 3,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [
      { title: 'Generation capacity rehabilitated or added (MW)' },
      { title: 'Renewable generation capacity installed (MW)' },
    ],
  },
  {
    code: 'BORDER-HOURS',
    name: { en: 'Time to cross a border', ru: 'Время пересечения границы' },
    unit: hours,
    cluster: 2,
    direction: 'lower',
    aggregation: 'none',
    baselineYear: BASELINE_YEAR,
    decimals: 1,
    mappings: [{ title: 'Border crossing time (hours)' }],
  },
  {
    code: 'CLEARANCE-HOURS',
    name: { en: 'Time to clear imports', ru: 'Время таможенного оформления импорта' },
    unit: hours,
    cluster: 2,
    direction: 'lower',
    aggregation: 'none',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Time to clear imports (hours)' }],
  },
  {
    code: 'EWS-PEOPLE',
    name: {
      en: 'People covered by early-warning systems',
      ru: 'Население, охваченное системами раннего оповещения',
    },
    unit: { en: 'people', ru: 'человек' },
    cluster: null,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'People covered by early warning systems' }],
  },
  {
    code: 'CO2-AVOIDED',
    name: {
      en: 'Greenhouse gas emissions avoided',
      ru: 'Предотвращённые выбросы парниковых газов',
    },
    unit: { en: 'tCO2e a year', ru: 'т CO2-экв. в год' },
    cluster: null,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Greenhouse gas emissions avoided (tCO2e per year)' }],
  },
  {
    code: 'IRRIGATION-HA',
    name: {
      en: 'Area with improved irrigation and drainage',
      ru: 'Площадь с улучшенным орошением и дренажом',
    },
    unit: { en: 'hectares', ru: 'га' },
    cluster: 4,
    direction: 'higher',
    aggregation: 'sum',
    baselineYear: BASELINE_YEAR,
    decimals: 0,
    mappings: [{ title: 'Area with improved irrigation and drainage (hectares)' }],
  },
  {
    code: 'GRID-LOSSES',
    name: {
      en: 'Transmission and distribution losses',
      ru: 'Потери при передаче и распределении электроэнергии',
    },
    unit: { en: '%', ru: '%' },
    cluster: 3,
    direction: 'lower',
    aggregation: 'none',
    baselineYear: BASELINE_YEAR,
    decimals: 1,
    mappings: [{ title: 'Transmission and distribution losses (%)' }],
  },
];

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Values for an indicator that does not add up, as the mean of the linked projects' levels:
 * the baseline is their baselines' mean; a year's target and actual, each project's latest
 * planned or reported value by the year's end (its baseline before it has one).
 */
function meanValues(
  indicator: DemoIndicator,
  series: readonly ProjectSeries[],
  lastYear: number,
): ValueInput[] {
  const values: ValueInput[] = [];
  const places = [PROGRAMME, ...MEMBER_CODES];
  for (const country of places) {
    const here = series.filter(
      (s) => country === PROGRAMME || s.countries.some((c) => c.key === country && c.weight > 0n),
    );
    if (here.length === 0) continue;
    const note = `Demo: mean of ${here.length} linked demo project${here.length === 1 ? '' : 's'}`;
    const value = (v: number) => v.toFixed(indicator.decimals);
    const add = (year: number, kind: ValueInput['kind'], v: number) =>
      values.push({ indicator: indicator.code, country, year, kind, value: value(v), note });
    add(indicator.baselineYear, 'baseline', mean(here.map((s) => s.baseline)));
    for (let year = indicator.baselineYear + 1; year <= lastYear; year++) {
      const end = `${year}-12-31`;
      const reported = end < AS_OF ? end : AS_OF;
      add(year, 'target', mean(here.map((s) => latestBy(s.targets, end) ?? s.baseline)));
      add(year, 'actual', mean(here.map((s) => latestBy(s.actuals, reported) ?? s.baseline)));
    }
  }
  return values;
}

/** Sets the demo framework up once, over the stored demo portfolio; a second run adds nothing. */
export async function loadDemoResults(
  db: Kysely<Database>,
  actor: string,
): Promise<{ loaded: boolean; indicators: number; values: number }> {
  if ((await findIndicators(db)).length > 0) return { loaded: false, indicators: 0, values: 0 };
  const at = new Date().toISOString();
  const meta = { by: actor, at, isDemo: true };
  return db.transaction().execute(async (trx) => {
    for (const { code, ...input } of INDICATORS) {
      await saveIndicator(trx, code, IndicatorInputSchema.parse(input), meta);
    }
    const series = await loadLinkedSeries(trx, matcherOf(await findIndicators(trx)));
    const lastYear = Number(AS_OF.slice(0, 4));
    const values = INDICATORS.filter((i) => i.aggregation === 'none').flatMap((i) =>
      meanValues(
        i,
        series.filter((s) => s.indicator === i.code),
        lastYear,
      ),
    );
    for (const value of values) await saveValue(trx, value, meta);
    await appendAudit(trx, {
      actor,
      action: 'results.load-demo',
      targetType: 'results_framework',
      targetId: 'demo',
      after: { indicators: INDICATORS.length, values: values.length },
      origin: 'cli',
    });
    return { loaded: true, indicators: INDICATORS.length, values: values.length };
  });
}
