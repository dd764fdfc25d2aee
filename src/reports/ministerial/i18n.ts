import type { ProposalState } from '../../facility/workflow.ts';
import { USD_AS_PUBLISHED } from '../../reference/fx-source.ts';
import { CLUSTERS, CORRIDORS, countryByIso2, organisationByRef } from '../../reference/index.ts';
import type { Status } from '../../results/progress.ts';

export const LANGUAGES = ['en', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of a word that goes with `n` in the language: 1 project, 2 projects; 2 проекта. */
function plural(lang: Lang, n: number, forms: PluralForms): string {
  return forms[new Intl.PluralRules(lang).select(n)] ?? forms.other;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Every word of the report, in English and Russian. */
const WORDS = {
  en: {
    title: 'CAREC Ministerial Conference report',
    conference: (n: number) => `${ordinal(n)} Ministerial Conference`,
    noConference: (year: number) => `Ministerial Conference ${year} (no record of it yet)`,
    chairedBy: 'chaired by',
    asOf: 'Figures as of',
    snapshot: 'Snapshot',
    taken: 'taken',
    notFrozen:
      'Live figures, not frozen: the as-of day has not ended or no snapshot was asked for.',
    demoNotice: (n: number) =>
      `Demonstration data: ${n} of the activities in this report ${plural('en', n, { one: 'is a generated demo project', other: 'are generated demo projects' })}, not the programme’s real portfolio.`,
    contents: 'Contents',
    overview: 'Portfolio overview',
    cumulative: 'Cumulative, to the as-of day',
    sinceLast: 'Since the last conference',
    sinceRange: (from: string, to: string) => `${from} to ${to}`,
    commitments: 'Commitments',
    disbursements: 'Disbursements',
    activities: 'Projects',
    byYear: 'Commitments and disbursements by year',
    byCluster: 'By operational cluster',
    byCountry: 'By country',
    byPartner: 'By development partner',
    byCorridor: 'By corridor',
    corridorNote: 'A project on several corridors counts under each of them.',
    regional: 'Regional (not allocated to one country)',
    unassigned: 'No cluster',
    unknownPartner: 'Partner not stated',
    others: 'Others',
    share: 'Share',
    name: 'Name',
    approvals: 'New approvals since the last conference',
    approvalsSummary: (n: number, total: string) =>
      `${n} ${plural('en', n, { one: 'project', other: 'projects' })}, ${total} committed`,
    approvalsNone: 'No project had its first commitment in this period.',
    firstCommitment: 'First commitment',
    partner: 'Partner',
    countries: 'Countries',
    project: 'Project',
    facility: 'The project preparation facility',
    fundStatement: 'Fund statement',
    pledged: 'Pledged',
    received: 'Received',
    committed: 'Committed to grants',
    disbursed: 'Disbursed',
    repaid: 'Repaid by projects',
    available: 'Available for new grants',
    cash: 'Cash held',
    contributor: 'Contributor',
    outstanding: 'Outstanding',
    pipeline: 'Pipeline (approved proposals onwards)',
    pipelineNone: 'No proposal had been approved by the as-of day.',
    funnel: 'Proposals that reached each stage',
    proposal: 'Proposal',
    state: 'State',
    investment: 'Investment prepared',
    climateInvestment: 'of which climate',
    grant: 'Grant',
    climate: 'Climate finance',
    climateIntro: (principal: string, significant: string) =>
      `Two views side by side. Markers: OECD DAC policy markers 6 (mitigation), 7 (adaptation) and 10 (disaster-risk reduction) as published in IATI, counting ${principal}% of an amount marked principal and ${significant}% of one marked significant, an amount marked for both mitigation and adaptation counted once. Components: the climate shares of each project or component reported by the banks (joint MDB method). Commitments to the as-of day.`,
    markers: 'Markers',
    components: 'Components',
    mitigation: 'Mitigation',
    adaptation: 'Adaptation',
    dual: 'Both (counted once)',
    drr: 'of which disaster-risk reduction',
    climateTotal: 'Climate finance',
    total: 'Total',
    shareOfPortfolio: 'Share of portfolio',
    portfolio: 'Portfolio',
    componentActivities: (n: number) =>
      `${n} ${plural('en', n, { one: 'project', other: 'projects' })} with component shares recorded.`,
    climateByYear: 'Climate finance by year of commitment',
    climatePipeline: 'The facility’s climate pipeline',
    climatePipelineSummary: (n: number, climate: string, investment: string) =>
      `${n} ${plural('en', n, { one: 'proposal prepares', other: 'proposals prepare' })} ${investment} of investment, ${climate} of it climate finance.`,
    results: 'Results scorecard',
    resultsIntro: (onTrack: number, atRisk: number) =>
      `Progress is the share of the targeted change achieved: (actual − baseline) / (target − baseline). On track at ${onTrack}% or more, at risk from ${atRisk}%, off track below.`,
    indicator: 'Indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    target: 'Target',
    actual: 'Actual',
    progress: 'Progress',
    status: 'Status',
    byMember: 'Status by member',
    derived: 'derived from projects',
    recorded: 'recorded',
    interpolated: 'interpolated',
    decisions: 'Decisions and what they started',
    documents: 'Documents',
    startsFacility: 'the project preparation facility (see its fund statement)',
    noDecisions: 'No decisions on record.',
    sources: 'Data sources and their dates',
    publisher: 'Publisher',
    lastUpdated: 'Last updated',
    demo: 'demo',
    importRuns: 'Imports',
    finished: 'Finished',
    exchangeRates: 'Exchange rates used for US dollar values',
    currency: 'Currency',
    rateSource: 'Source',
    transactions: 'Transactions',
    climateShareSources: 'Sources of component climate shares',
    conferenceSources: 'Sources of the conference record',
    computedAt: 'Figures computed at',
    none: 'none',
    million: 'US$ million',
    usd: 'US$',
  },
  ru: {
    title: 'Доклад Министерской конференции ЦАРЭС',
    conference: (n: number) => `${n}-я Министерская конференция`,
    noConference: (year: number) =>
      `Министерская конференция ${year} года (сведений о ней пока нет)`,
    chairedBy: 'председатель —',
    asOf: 'Данные по состоянию на',
    snapshot: 'Снимок данных',
    taken: 'сделан',
    notFrozen:
      'Текущие данные, не зафиксированные: отчётная дата ещё не закончилась или снимок не запрошен.',
    demoNotice: (n: number) =>
      `Демонстрационные данные: ${n} ${plural('ru', n, { one: 'проект', few: 'проекта', other: 'проектов' })} в этом докладе ${plural('ru', n, { one: 'сгенерирован для демонстрации и не относится', few: 'сгенерированы для демонстрации и не относятся', other: 'сгенерированы для демонстрации и не относятся' })} к реальному портфелю программы.`,
    contents: 'Содержание',
    overview: 'Обзор портфеля',
    cumulative: 'Нарастающим итогом на отчётную дату',
    sinceLast: 'С предыдущей конференции',
    sinceRange: (from: string, to: string) => `с ${from} по ${to}`,
    commitments: 'Обязательства',
    disbursements: 'Выплаты',
    activities: 'Проекты',
    byYear: 'Обязательства и выплаты по годам',
    byCluster: 'По операционным кластерам',
    byCountry: 'По странам',
    byPartner: 'По партнёрам по развитию',
    byCorridor: 'По коридорам',
    corridorNote: 'Проект, проходящий по нескольким коридорам, учитывается в каждом из них.',
    regional: 'Региональные (не отнесены к одной стране)',
    unassigned: 'Без кластера',
    unknownPartner: 'Партнёр не указан',
    others: 'Прочие',
    share: 'Доля',
    name: 'Наименование',
    approvals: 'Новые проекты с предыдущей конференции',
    approvalsSummary: (n: number, total: string) =>
      `${n} ${plural('ru', n, { one: 'проект', few: 'проекта', other: 'проектов' })}, обязательства ${total}`,
    approvalsNone: 'Ни по одному проекту не было первых обязательств в этот период.',
    firstCommitment: 'Первое обязательство',
    partner: 'Партнёр',
    countries: 'Страны',
    project: 'Проект',
    facility: 'Фонд подготовки проектов',
    fundStatement: 'Отчёт о состоянии фонда',
    pledged: 'Объявленные взносы',
    received: 'Полученные взносы',
    committed: 'Обязательства по грантам',
    disbursed: 'Выплачено',
    repaid: 'Возвращено проектами',
    available: 'Доступно для новых грантов',
    cash: 'Денежные средства',
    contributor: 'Донор',
    outstanding: 'Ожидается',
    pipeline: 'Портфель заявок (начиная с одобренных)',
    pipelineNone: 'К отчётной дате ни одна заявка не была одобрена.',
    funnel: 'Заявки, дошедшие до каждого этапа',
    proposal: 'Заявка',
    state: 'Этап',
    investment: 'Подготавливаемые инвестиции',
    climateInvestment: 'в том числе климатические',
    grant: 'Грант',
    climate: 'Климатическое финансирование',
    climateIntro: (principal: string, significant: string) =>
      `Два подхода рядом. Маркеры: маркеры политики ОЭСР/КСР 6 (смягчение), 7 (адаптация) и 10 (снижение риска бедствий), опубликованные в IATI; сумма с основным маркером учитывается на ${principal}%, со значимым — на ${significant}%, сумма с маркерами и смягчения, и адаптации учитывается один раз. Компоненты: климатические доли проектов и их компонентов по данным банков (совместная методика МБР). Обязательства на отчётную дату.`,
    markers: 'Маркеры',
    components: 'Компоненты',
    mitigation: 'Смягчение',
    adaptation: 'Адаптация',
    dual: 'Оба направления (учтены один раз)',
    drr: 'в том числе снижение риска бедствий',
    climateTotal: 'Климатическое финансирование',
    total: 'Итого',
    shareOfPortfolio: 'Доля портфеля',
    portfolio: 'Портфель',
    componentActivities: (n: number) =>
      `Климатические доли по компонентам записаны для ${n} ${plural('ru', n, { one: 'проекта', other: 'проектов' })}.`,
    climateByYear: 'Климатическое финансирование по годам обязательств',
    climatePipeline: 'Климатический портфель фонда',
    climatePipelineSummary: (n: number, climate: string, investment: string) =>
      `${n} ${plural('ru', n, { one: 'заявка готовит', few: 'заявки готовят', other: 'заявок готовят' })} инвестиции на ${investment}, из них климатическое финансирование — ${climate}.`,
    results: 'Оценочная таблица результатов',
    resultsIntro: (onTrack: number, atRisk: number) =>
      `Прогресс — доля достигнутого от запланированного изменения: (факт − база) / (цель − база). По плану — ${onTrack}% и более, под угрозой — от ${atRisk}%, отставание — ниже.`,
    indicator: 'Показатель',
    unit: 'Единица',
    baseline: 'База',
    target: 'Цель',
    actual: 'Факт',
    progress: 'Прогресс',
    status: 'Оценка',
    byMember: 'Оценка по странам',
    derived: 'по данным проектов',
    recorded: 'введено',
    interpolated: 'интерполировано',
    decisions: 'Решения и то, что они положили начало',
    documents: 'Документы',
    startsFacility: 'фонд подготовки проектов (см. отчёт о состоянии фонда)',
    noDecisions: 'Сведений о решениях нет.',
    sources: 'Источники данных и их даты',
    publisher: 'Источник публикации',
    lastUpdated: 'Обновлено',
    demo: 'демо',
    importRuns: 'Загрузки',
    finished: 'Завершена',
    exchangeRates: 'Обменные курсы для оценки в долларах США',
    currency: 'Валюта',
    rateSource: 'Источник',
    transactions: 'Транзакции',
    climateShareSources: 'Источники климатических долей по компонентам',
    conferenceSources: 'Источники сведений о конференции',
    computedAt: 'Данные рассчитаны',
    none: 'нет',
    million: 'млн долл. США',
    usd: 'долл. США',
  },
} as const;

export type Words = (typeof WORDS)['en'];
export const words = (lang: Lang): Words => WORDS[lang] as Words;

const STATUS_NAMES: Record<Lang, Record<Status, string>> = {
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track', no_data: 'no data' },
  ru: {
    on_track: 'по плану',
    at_risk: 'под угрозой',
    off_track: 'отставание',
    no_data: 'нет данных',
  },
};
export const statusName = (lang: Lang, status: Status) => STATUS_NAMES[lang][status];

const STATE_NAMES: Record<Lang, Partial<Record<ProposalState, string>>> = {
  en: {
    submitted: 'submitted',
    screening: 'screening',
    technical_review: 'technical review',
    committee: 'committee',
    approved: 'approved',
    in_preparation: 'in preparation',
    completed: 'completed',
    financed: 'financed',
  },
  ru: {
    submitted: 'подана',
    screening: 'первичная проверка',
    technical_review: 'техническая экспертиза',
    committee: 'комитет',
    approved: 'одобрена',
    in_preparation: 'подготовка',
    completed: 'завершена',
    financed: 'профинансирована',
  },
};
export const stateName = (lang: Lang, state: ProposalState) => STATE_NAMES[lang][state] ?? state;

export function countryName(lang: Lang, code: string): string {
  if (code === 'regional') return words(lang).regional;
  if (code === 'CAREC') return lang === 'ru' ? 'ЦАРЭС в целом' : 'CAREC as a whole';
  const country = countryByIso2(code);
  if (!country) return code;
  return lang === 'ru' ? country.nameRu : country.nameEn;
}

export function clusterName(lang: Lang, code: number): string {
  const cluster = CLUSTERS.find((c) => c.code === code);
  if (!cluster) return words(lang).unassigned;
  return `${code}. ${lang === 'ru' ? cluster.nameRu : cluster.nameEn}`;
}

export function corridorName(lang: Lang, n: number): string {
  const corridor = CORRIDORS.find((c) => c.number === n);
  if (!corridor) return String(n);
  return `${n}. ${lang === 'ru' ? corridor.nameRu : corridor.nameEn}`;
}

export function partnerName(lang: Lang, ref: string): string {
  if (!ref) return words(lang).unknownPartner;
  const org = organisationByRef(ref);
  if (!org) return ref;
  return lang === 'ru' ? org.nameRu : org.nameEn;
}

const LOCALE: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/** US cents as millions of dollars with one decimal: 5 100 004 000 000 → "51,000.0". */
export function millions(lang: Lang, cents: number): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(cents / 1e8);
}

/** US cents exactly, as dollars and cents with the currency. */
export function dollars(lang: Lang, cents: number): string {
  const amount = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
  return lang === 'ru' ? `${amount} долл. США` : `$${amount}`;
}

/**
 * A decimal amount in its own currency, with the decimals it is written with (the currency's
 * minor units): "2,000,000.00 EUR", "2 000 000,00 EUR", "300 000 000 JPY".
 */
export function amountIn(lang: Lang, amount: string, currency: string): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  const formatted = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Number(amount));
  return `${formatted} ${currency}`;
}

/** A decimal dollar string ("1500.00", "-3.5") as exact cents. */
export function centsOf(usd: string): number {
  const negative = usd.startsWith('-');
  const [whole = '0', fraction = ''] = usd.replace(/^-/, '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

export function number(lang: Lang, value: number, decimals = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function percent(lang: Lang, value: number): string {
  return `${number(lang, value, 1)}%`;
}

export function date(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** An exchange-rate source as the reader reads it: sources are cited as published, but one. */
export function rateSource(lang: Lang, source: string): string {
  if (source !== USD_AS_PUBLISHED) return source;
  return lang === 'ru' ? 'в долларах США по публикации, без пересчёта' : 'published in US dollars';
}
