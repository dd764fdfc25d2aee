import type { Kysely } from 'kysely';
import { DEMO_DOMAIN } from '../accounts/demo-accounts.ts';
import type { Database, Db } from '../db/database.ts';
import { actingAs as person, type Caller } from './caller.ts';
import { addToAgenda, castVote, createMeeting, decide } from './committee.service.ts';
import { addDocument } from './document.service.ts';
import { recordFundEntry } from './fund.service.ts';
import {
  addMilestone,
  disburse,
  markMilestoneMet,
  recordFinancing,
} from './preparation.service.ts';
import { PREPARATION_KINDS } from './proposal.model.ts';
import { createDraft, endorse } from './proposal.service.ts';
import { submitScore } from './review.service.ts';
import type { FacilityRules } from './rules.ts';
import { transition } from './workflow.service.ts';
import type { ProposalState } from './workflow.ts';

/**
 * The facility as signed at the 23rd Ministerial Conference (DESIGN.md: PRC $2 million, the
 * Republic of Korea $1 million received and $2 million more pledged), with a pipeline of
 * proposals in every state. Everything except those three amounts is demonstration data: every
 * title says so, and dates are laid out over the months since the signing.
 */
const at = (email: string) => `${email}@${DEMO_DOMAIN}`;
const SECRETARIAT = person(at('analyst'), 'secretariat');
const REVIEWERS = ['GE', 'MN', 'PK'].map((c) =>
  person(at(`reviewer.${c.toLowerCase()}`), 'reviewer', { country: c }),
);
const COMMITTEE = [1, 2, 3].map((n) => person(at(`committee.${n}`), 'committee'));
const focalPoint = (country: string) =>
  person(at(`focal.${country.toLowerCase()}`), 'focal_point', { country });

/** A clock the demo moves forward, so the pipeline has a history of months, not milliseconds. */
class DemoClock {
  time: number;
  constructor(start: string) {
    this.time = Date.parse(`${start}T09:00:00Z`);
  }
  advance(days: number): void {
    this.time += days * 24 * 60 * 60 * 1000;
  }
  day(): string {
    return this.after(0);
  }
  /** The date so many days from now, without moving the clock. */
  after(days: number): string {
    return new Date(this.time + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  }
  as(caller: Caller): Caller {
    return { ...caller, origin: 'demo', clock: () => new Date(this.time) };
  }
}

interface DemoProposal {
  title: string;
  titleRu: string;
  countries: string[];
  cluster: number;
  sector: string;
  kind: (typeof PREPARATION_KINDS)[number];
  budgetUsd: string;
  investmentUsd: string;
  climate: {
    mitigation: boolean;
    adaptation: boolean;
    disasterRisk: boolean;
    sharePercent: number;
  };
  start: string;
  target: ProposalState;
  grantUsd?: string;
}

const PROPOSALS: readonly DemoProposal[] = [
  {
    title: 'Wind power evacuation line, feasibility study',
    titleRu: 'Линия выдачи мощности ветровых станций, ТЭО',
    countries: ['KZ', 'KG'],
    cluster: 3,
    sector: '23210',
    kind: 'feasibility_study',
    budgetUsd: '650000',
    investmentUsd: '180000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 90 },
    start: '2025-01-13',
    target: 'financed',
    grantUsd: '600000',
  },
  {
    title: 'Water–energy nexus study for a shared river basin',
    titleRu: 'Исследование взаимосвязи воды и энергии в общем бассейне',
    countries: ['UZ', 'TJ'],
    cluster: 4,
    sector: '14010',
    kind: 'feasibility_study',
    budgetUsd: '350000',
    investmentUsd: '95000000',
    climate: { mitigation: false, adaptation: true, disasterRisk: false, sharePercent: 70 },
    start: '2025-02-03',
    target: 'completed',
    grantUsd: '350000',
  },
  {
    title: 'Railway electrification, feasibility and ESIA',
    titleRu: 'Электрификация железной дороги: ТЭО и ОВОСС',
    countries: ['KZ', 'UZ'],
    cluster: 3,
    sector: '21030',
    kind: 'esia',
    budgetUsd: '950000',
    investmentUsd: '420000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 85 },
    start: '2025-03-10',
    target: 'in_preparation',
    grantUsd: '900000',
  },
  {
    title: 'Climate-resilient mountain road, detailed design',
    titleRu: 'Климатоустойчивая горная дорога, рабочее проектирование',
    countries: ['UZ', 'KG'],
    cluster: 3,
    sector: '21020',
    kind: 'detailed_design',
    budgetUsd: '480000',
    investmentUsd: '140000000',
    climate: { mitigation: false, adaptation: true, disasterRisk: true, sharePercent: 40 },
    start: '2025-08-04',
    target: 'approved',
    grantUsd: '450000',
  },
  {
    title: 'Cross-border transmission upgrade, ESIA',
    titleRu: 'Модернизация межгосударственных ЛЭП, ОВОСС',
    countries: ['KZ', 'UZ', 'TJ'],
    cluster: 3,
    sector: '23630',
    kind: 'esia',
    budgetUsd: '700000',
    investmentUsd: '260000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 60 },
    start: '2026-05-11',
    target: 'committee',
  },
  {
    title: 'Transboundary flood early-warning system, climate-risk assessment',
    titleRu: 'Трансграничная система раннего оповещения о паводках',
    countries: ['UZ', 'KZ'],
    cluster: 4,
    sector: '41050',
    kind: 'climate_risk_assessment',
    budgetUsd: '420000',
    investmentUsd: '60000000',
    climate: { mitigation: false, adaptation: true, disasterRisk: true, sharePercent: 100 },
    start: '2026-07-06',
    target: 'technical_review',
  },
  {
    title: 'Dry port logistics decarbonisation, transaction advice',
    titleRu: 'Декарбонизация логистики сухого порта, консультирование по сделке',
    countries: ['KZ', 'CN'],
    cluster: 2,
    sector: '33120',
    kind: 'transaction_advice',
    budgetUsd: '300000',
    investmentUsd: '75000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 50 },
    start: '2026-09-07',
    target: 'screening',
  },
  {
    title: 'Irrigation modernisation, climate-risk assessment',
    titleRu: 'Модернизация орошения, оценка климатических рисков',
    countries: ['UZ', 'TJ'],
    cluster: 4,
    sector: '31140',
    kind: 'climate_risk_assessment',
    budgetUsd: '380000',
    investmentUsd: '110000000',
    climate: { mitigation: false, adaptation: true, disasterRisk: false, sharePercent: 80 },
    start: '2026-10-19',
    target: 'submitted',
  },
  {
    title: 'Regional solar-plus-storage programme, feasibility study',
    titleRu: 'Региональная программа солнечной генерации с накопителями, ТЭО',
    countries: ['KZ', 'KG'],
    cluster: 3,
    sector: '23230',
    kind: 'feasibility_study',
    budgetUsd: '550000',
    investmentUsd: '200000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 100 },
    start: '2026-11-09',
    target: 'draft',
  },
  {
    title: 'Urban district heating retrofit, feasibility study',
    titleRu: 'Модернизация централизованного теплоснабжения, ТЭО',
    countries: ['KZ', 'AZ'],
    cluster: 3,
    sector: '23630',
    kind: 'feasibility_study',
    budgetUsd: '400000',
    investmentUsd: '90000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 75 },
    start: '2026-06-01',
    target: 'returned',
  },
  {
    title: 'Single-country substation refurbishment',
    titleRu: 'Реконструкция подстанций (одна страна)',
    countries: ['UZ'],
    cluster: 3,
    sector: '23630',
    kind: 'detailed_design',
    budgetUsd: '250000',
    investmentUsd: '30000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 30 },
    start: '2025-09-15',
    target: 'rejected',
  },
  {
    title: 'Bus rapid transit corridor, feasibility study',
    titleRu: 'Коридор скоростного автобусного транспорта, ТЭО',
    countries: ['KG', 'KZ'],
    cluster: 3,
    sector: '21020',
    kind: 'feasibility_study',
    budgetUsd: '320000',
    investmentUsd: '85000000',
    climate: { mitigation: true, adaptation: false, disasterRisk: false, sharePercent: 65 },
    start: '2025-04-07',
    target: 'cancelled',
    grantUsd: '300000',
  },
  {
    title: 'Border crossing point modernisation, detailed design',
    titleRu: 'Модернизация пункта пропуска, рабочее проектирование',
    countries: ['KZ', 'UZ'],
    cluster: 2,
    sector: '33120',
    kind: 'detailed_design',
    budgetUsd: '280000',
    investmentUsd: '45000000',
    climate: { mitigation: true, adaptation: true, disasterRisk: false, sharePercent: 20 },
    start: '2025-11-03',
    target: 'withdrawn',
  },
];

function content(p: DemoProposal, regionalBenefit = true) {
  return {
    title: { en: `${p.title} (demo)`, ru: `${p.titleRu} (демо)` },
    summary: {
      en: 'Demonstration data generated by Caravan: an invented proposal that shows the facility working.',
      ru: 'Демонстрационные данные Caravan: вымышленная заявка, показывающая работу фонда.',
    },
    countries: p.countries,
    cluster: p.cluster,
    sectors: [{ code: p.sector, percentage: 100 }],
    climate: {
      ...p.climate,
      rationale: 'Demo rationale: the climate share of the investment this preparation leads to.',
    },
    ...(regionalBenefit
      ? { regionalBenefit: 'Demo: shared infrastructure serving every named country.' }
      : {}),
    investment: {
      description: 'Demo investment',
      sizeUsd: p.investmentUsd,
      likelyFinancier: 'XM-DAC-46004',
    },
    preparation: [
      {
        kind: p.kind,
        description: 'Demo preparation work',
        budgetUsd: p.budgetUsd,
        start: p.start,
        end: `${Number(p.start.slice(0, 4)) + 1}${p.start.slice(4)}`,
      },
    ],
    cofinancing: [
      {
        source: `CARAVAN-GOV-${p.countries[0]}`,
        amountUsd: String(Math.ceil(Number(p.budgetUsd) * 0.15)),
      },
    ],
  };
}

const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n% Caravan demonstration document: no real content.\ntrailer <<>>\n%%EOF\n',
);
const SCORES = [
  {
    climate_impact: 5,
    regional_benefit: 4,
    readiness: 3,
    financing_likelihood: 4,
    gender_inclusion: 3,
  },
  {
    climate_impact: 4,
    regional_benefit: 4,
    readiness: 4,
    financing_likelihood: 3,
    gender_inclusion: 3,
  },
  {
    climate_impact: 4,
    regional_benefit: 5,
    readiness: 3,
    financing_likelihood: 4,
    gender_inclusion: 4,
  },
];
const ORDER: readonly ProposalState[] = [
  'draft',
  'submitted',
  'screening',
  'technical_review',
  'committee',
  'approved',
  'in_preparation',
  'completed',
  'financed',
];
const reaches = (p: DemoProposal, state: ProposalState) => {
  const target = ['returned', 'withdrawn', 'rejected'].includes(p.target)
    ? 'screening'
    : p.target === 'cancelled'
      ? 'approved'
      : p.target;
  return ORDER.indexOf(target) >= ORDER.indexOf(state);
};

/** A demo investment in the portfolio for a financed proposal to lead to: KZ infrastructure. */
async function demoInvestment(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('activity as a')
    .innerJoin('recipient_country as c', 'c.activity_id', 'a.id')
    .select('a.iati_identifier')
    .where('a.is_demo', '=', 1)
    .where('c.country_code', '=', 'KZ')
    .where('a.cluster_code', '=', 3)
    // A size a preparation grant of this facility plausibly leads to: $50–250 million.
    .where('a.commitments_cents', '>=', 50_000_000_00)
    .where('a.commitments_cents', '<=', 250_000_000_00)
    // The latest to start, as an investment that preparation led to would be.
    .orderBy((eb) => eb.fn.coalesce('a.actual_start', 'a.planned_start'), 'desc')
    .orderBy('a.iati_identifier')
    .executeTakeFirst();
  return row?.iati_identifier ?? null;
}

export interface DemoFacilitySummary {
  loaded: boolean;
  proposals: number;
}

/** Sets the facility up for the demo, once: a second run finds it there and adds nothing. */
export async function loadDemoFacility(
  db: Kysely<Database>,
  rules: FacilityRules,
): Promise<DemoFacilitySummary> {
  const existing = await db
    .selectFrom('facility_proposal')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  const entries = await db.selectFrom('facility_ledger').select('id').limit(1).executeTakeFirst();
  if (existing || entries) return { loaded: false, proposals: 0 };

  const signing = new DemoClock('2024-11-29');
  const contribution = (type: 'pledge' | 'receipt', contributor: string, amount: string) =>
    recordFundEntry(db, signing.as(SECRETARIAT), {
      type,
      contributor,
      amount,
      currency: 'USD',
      valueDate: signing.day(),
      memo: 'As announced with the facility at the 23rd Ministerial Conference; the value date is the demo’s.',
    });
  await contribution('pledge', 'CN', '2000000');
  await contribution('receipt', 'CN', '2000000');
  await contribution('pledge', 'KR', '3000000');
  await contribution('receipt', 'KR', '1000000');

  const meetings = new Map<string, number>();
  const meeting = async (clock: DemoClock) => {
    const quarter = `${clock.day().slice(0, 4)}-Q${Math.floor(Number(clock.day().slice(5, 7)) / 3.01) + 1}`;
    let id = meetings.get(quarter);
    if (id === undefined) {
      const created = await createMeeting(
        db,
        clock.as(SECRETARIAT),
        { title: `Committee meeting ${quarter} (demo)`, heldOn: clock.day() },
        rules,
      );
      meetings.set(quarter, (id = created.id));
    }
    return id;
  };
  const investment = await demoInvestment(db);

  for (const p of PROPOSALS) {
    const clock = new DemoClock(p.start);
    const lead = focalPoint(p.countries[0]!);
    const act = (caller: Caller) => clock.as(caller);
    const { id } = await createDraft(db, act(lead), {
      content: content(p, p.target !== 'rejected'),
    });
    if (p.target === 'draft') continue;
    for (const kind of ['concept_note', 'terms_of_reference'] as const) {
      await addDocument(db, act(lead), id, {
        kind,
        filename: `${kind} (demo).pdf`,
        body: DEMO_PDF,
      });
    }
    await addDocument(db, act(lead), id, {
      kind: 'endorsement_letter',
      country: p.countries[0],
      filename: 'endorsement (demo).pdf',
      body: DEMO_PDF,
    });
    await endorse(db, act(lead), id, p.countries[0]);
    clock.advance(12);
    await transition(db, act(lead), id, 'submit', undefined, rules);
    if (p.target === 'submitted') continue;
    // The other countries endorse, except where the demo shows a proposal waiting for one.
    for (const country of p.countries.slice(1)) {
      if (p.target === 'screening' && country === p.countries.at(-1)) continue;
      clock.advance(9);
      await addDocument(db, act(focalPoint(country)), id, {
        kind: 'endorsement_letter',
        country,
        filename: `endorsement ${country} (demo).pdf`,
        body: DEMO_PDF,
      });
      await endorse(db, act(focalPoint(country)), id, country);
    }
    clock.advance(5);
    await transition(db, act(SECRETARIAT), id, 'start_screening', undefined, rules);
    if (p.target === 'screening') continue;
    clock.advance(6);
    if (p.target === 'returned') {
      await transition(
        db,
        act(SECRETARIAT),
        id,
        'return',
        'Demo: the budget needs a breakdown by activity.',
        rules,
      );
      continue;
    }
    if (p.target === 'rejected') {
      await transition(
        db,
        act(SECRETARIAT),
        id,
        'reject',
        'Demo: a single-country project without a regional dimension.',
        rules,
      );
      continue;
    }
    if (p.target === 'withdrawn') {
      await transition(
        db,
        act(lead),
        id,
        'withdraw',
        'Demo: the government financed the design from its own budget.',
        rules,
      );
      continue;
    }
    await transition(db, act(SECRETARIAT), id, 'pass_screening', undefined, rules);
    const reviewers = p.target === 'technical_review' ? REVIEWERS.slice(0, 2) : REVIEWERS;
    for (const [i, reviewer] of reviewers.entries()) {
      clock.advance(8);
      await submitScore(db, act(reviewer), id, { scores: SCORES[i]! }, rules);
    }
    if (p.target === 'technical_review') continue;
    clock.advance(4);
    await transition(db, act(SECRETARIAT), id, 'send_to_committee', undefined, rules);
    clock.advance(21);
    const meetingId = await meeting(clock);
    await addToAgenda(db, act(SECRETARIAT), meetingId, id);
    const voters = p.target === 'committee' ? COMMITTEE.slice(0, 2) : COMMITTEE;
    for (const member of voters)
      await castVote(db, act(member), meetingId, id, { vote: 'approve' });
    if (!reaches(p, 'approved')) continue;
    await decide(db, act(COMMITTEE[0]!), meetingId, id, {
      decision: 'approve',
      amountUsd: p.grantUsd!,
      rationale: 'Demo: a strong regional climate case, ready for preparation.',
    });
    clock.advance(14);
    const half = (Number(p.grantUsd) / 2).toFixed(2);
    const milestones = [
      await addMilestone(db, act(SECRETARIAT), id, {
        title: 'Inception report (demo)',
        dueOn: clock.after(90),
        amountUsd: half,
      }),
      await addMilestone(db, act(SECRETARIAT), id, {
        title: 'Final report (demo)',
        dueOn: clock.after(270),
        amountUsd: half,
      }),
    ];
    if (p.target === 'approved') continue;
    if (p.target === 'cancelled') {
      clock.advance(60);
      await transition(
        db,
        act(SECRETARIAT),
        id,
        'cancel',
        'Demo: the governments chose another alignment; the grant is released.',
        rules,
      );
      continue;
    }
    await transition(db, act(SECRETARIAT), id, 'start_preparation', undefined, rules);
    for (const [i, milestone] of milestones.entries()) {
      if (p.target === 'in_preparation' && i === 1) break;
      clock.advance(i === 0 ? 95 : 180);
      await markMilestoneMet(db, act(SECRETARIAT), milestone.id, {
        deliverable: `${milestone.title} accepted`,
      });
      clock.advance(10);
      // The last payment of the financed proposal comes in under its milestone: the rest is released.
      const amount = p.target === 'financed' && i === 1 ? (Number(half) - 20000).toFixed(2) : half;
      await disburse(db, act(SECRETARIAT), milestone.id, {
        amountUsd: amount,
        valueDate: clock.day(),
        reference: 'demo payment',
      });
    }
    if (p.target === 'in_preparation') continue;
    clock.advance(20);
    await transition(db, act(SECRETARIAT), id, 'complete', undefined, rules);
    if (p.target === 'completed' || investment === null) continue;
    clock.advance(150);
    await recordFinancing(db, act(SECRETARIAT), id, {
      iatiIdentifier: investment,
      reason: 'Demo: the investment this preparation led to, in the demo portfolio.',
    });
  }
  return { loaded: true, proposals: PROPOSALS.length };
}
