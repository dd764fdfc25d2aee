import type { Db } from '../db/database.ts';
import { actingAs, type Caller } from './caller.ts';
import { addDocument } from './document.service.ts';
import { recordFundEntry } from './fund.service.ts';
import { createDraft, endorse } from './proposal.service.ts';
import { submitScore } from './review.service.ts';
import { loadRules } from './rules.ts';
import { transition } from './workflow.service.ts';

export const RULES = loadRules();

export const person = actingAs;

export const SECRETARIAT = person('analyst@carec.test', 'secretariat');
export const KZ_FOCAL = person('focal.kz@carec.test', 'focal_point', { country: 'KZ' });
export const UZ_FOCAL = person('focal.uz@carec.test', 'focal_point', { country: 'UZ' });
export const REVIEWERS = [
  person('reviewer.mn@carec.test', 'reviewer', { country: 'MN' }),
  person('reviewer.ge@carec.test', 'reviewer', { country: 'GE' }),
  person('reviewer.pk@carec.test', 'reviewer', { country: 'PK' }),
];
export const COMMITTEE = [
  person('member.1@carec.test', 'committee'),
  person('member.2@carec.test', 'committee'),
  person('member.3@carec.test', 'committee'),
];

/** A complete proposal (test data), asking for `budgetUsd` of preparation. */
export function proposalContent(countries: string[], budgetUsd = '800000') {
  return {
    title: {
      en: `Test: regional climate project in ${countries.join(' and ')}`,
      ru: 'Тест: региональный проект',
    },
    summary: { en: 'A test proposal written for Caravan’s own tests.' },
    countries,
    cluster: 3,
    sectors: [{ code: '23630', percentage: 100 }],
    climate: {
      mitigation: true,
      adaptation: false,
      disasterRisk: false,
      sharePercent: 80,
      rationale: 'Replaces coal-fired heat with grid electricity.',
    },
    regionalBenefit: 'Shared transmission capacity between the two countries.',
    investment: {
      description: 'Transmission line and substations',
      sizeUsd: '120000000',
      likelyFinancier: 'XM-DAC-46004',
    },
    preparation: [
      {
        kind: 'feasibility_study',
        description: 'Feasibility study',
        budgetUsd,
        start: '2025-03-01',
        end: '2025-12-31',
      },
    ],
    cofinancing: [{ source: 'CARAVAN-GOV-KZ', amountUsd: '100000' }],
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Pledges and receives US dollars from a contributor. */
export async function fund(db: Db, usd: string, contributor = 'CN'): Promise<void> {
  for (const type of ['pledge', 'receipt'] as const) {
    await recordFundEntry(db, SECRETARIAT, {
      type,
      contributor,
      amount: usd,
      currency: 'USD',
      valueDate: '2025-01-15',
    });
  }
}

/**
 * Takes a KZ–UZ proposal from draft to the committee through the real workflow: documents,
 * endorsements, screening, three reviews. Returns its id.
 */
/** A proposal in technical review, scored by `scorers` (every reviewer by default). */
export async function proposalInReview(
  db: Db,
  budgetUsd = '800000',
  scorers: readonly Caller[] = REVIEWERS,
): Promise<number> {
  const { id } = await createDraft(db, KZ_FOCAL, {
    content: proposalContent(['KZ', 'UZ'], budgetUsd),
  });
  for (const kind of ['concept_note', 'terms_of_reference'] as const) {
    await addDocument(db, KZ_FOCAL, id, { kind, filename: `${kind}.pdf`, body: PDF });
  }
  await addDocument(db, KZ_FOCAL, id, {
    kind: 'endorsement_letter',
    country: 'KZ',
    filename: 'kz.pdf',
    body: PDF,
  });
  await endorse(db, KZ_FOCAL, id, 'KZ');
  await transition(db, KZ_FOCAL, id, 'submit', undefined, RULES);
  await addDocument(db, UZ_FOCAL, id, {
    kind: 'endorsement_letter',
    country: 'UZ',
    filename: 'uz.pdf',
    body: PDF,
  });
  await endorse(db, UZ_FOCAL, id, 'UZ');
  await transition(db, SECRETARIAT, id, 'start_screening', undefined, RULES);
  await transition(db, SECRETARIAT, id, 'pass_screening', undefined, RULES);
  for (const reviewer of scorers) await scoreAsReviewer(db, reviewer, id);
  return id;
}

/** A reviewer's scores for a proposal in technical review (test data). */
export async function scoreAsReviewer(db: Db, reviewer: Caller, id: number): Promise<void> {
  const scores = {
    climate_impact: 4,
    regional_benefit: 4,
    readiness: 3,
    financing_likelihood: 4,
    gender_inclusion: 3,
  };
  await submitScore(db, reviewer, id, { scores }, RULES);
}

export async function proposalBeforeCommittee(db: Db, budgetUsd = '800000'): Promise<number> {
  const id = await proposalInReview(db, budgetUsd);
  await transition(db, SECRETARIAT, id, 'send_to_committee', undefined, RULES);
  return id;
}
