import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseProposalContent,
  submissionProblems,
  type ProposalContent,
} from '../src/facility/proposal.model.ts';
import {
  contentOf,
  missingForSubmission,
  validate,
  type Missing,
  type ProposalForm,
} from '../web/src/features/facility/proposalForm.ts';

/**
 * The proposal form promises to refuse exactly what the API refuses, and to list exactly what
 * submission lacks. Random forms, built from values on both sides of each rule, hold it to that.
 */

const LEAD = 'KZ';

/**
 * A field's values: mostly ones the API takes (`good`), sometimes any of `bad` too, so that many
 * whole forms are acceptable and many are not.
 */
const pick = <T>(good: readonly T[], bad: readonly T[], sound: boolean) =>
  sound
    ? fc.constantFrom(...good)
    : fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...good) },
        { weight: 1, arbitrary: fc.constantFrom(...bad) },
      );

/** Forms as a focal point might type them; `sound` keeps to values the API takes. */
function forms(sound: boolean): fc.Arbitrary<ProposalForm> {
  const text = (max: number, optional: boolean) =>
    pick(
      [' Feasibility study ', 'ж'.repeat(max), ...(optional ? ['', '  '] : [])],
      ['', '  ', 'ж'.repeat(max + 1)],
      sound,
    );
  const usd = pick(['0', '250000', '250000.5', '250000.50'], ['', '1.555', '12,5', 'abc'], sound);
  const percent = pick(['0.5', '33.33', '50', '100'], ['', '0', '100.5', '-1', 'x'], sound);
  const share = pick(['0', '33.33', '100'], ['', '100.5', '-1', 'x'], sound);
  const date = pick(['2026-03-01', '2026-12-31', '2027-01-01'], ['', '2026-02-30'], sound);
  return fc
    .record({
      titleEn: text(300, false),
      titleRu: text(300, true),
      summaryEn: text(5000, true),
      summaryRu: fc.constantFrom('', 'Кратко'),
      others: fc.subarray(['UZ', 'KG', 'CN']),
      lead: pick([true], [false], sound),
      cluster: fc.constantFrom('', '1', '3', '5'),
      sectors: fc.array(
        fc.record({ code: pick(['23630', '21020'], [''], sound), percentage: percent }),
        { maxLength: 3 },
      ),
      mitigation: fc.boolean(),
      adaptation: fc.boolean(),
      disasterRisk: fc.boolean(),
      climate: fc.boolean(),
      climateShare: share,
      climateRationale: text(5000, false),
      sustainableDevelopment: fc.constantFrom('', ' ', 'Cleaner air in three cities'),
      regionalBenefit: fc.constantFrom('', 'Shared grid'),
      investment: fc.boolean(),
      investmentDescription: text(2000, false),
      investmentSize: usd,
      likelyFinancier: pick(['XM-DAC-46004', '44000'], [''], sound),
      preparation: fc.array(
        fc.record({
          kind: pick(['feasibility_study', 'esia'] as const, [''] as const, sound),
          description: text(2000, false),
          budgetUsd: usd,
          start: fc.constant('2026-03-01'),
          end: date,
        }),
        { maxLength: 2 },
      ),
      cofinancing: fc.array(
        fc.record({
          source: pick(['CARAVAN-GOV-KZ'], ['', 'A'.repeat(201)], sound),
          amountUsd: usd,
        }),
        { maxLength: 2 },
      ),
    })
    .map(({ others, lead, climate, investment, ...f }) => ({
      ...f,
      countries: lead ? [LEAD, ...others] : others,
      // A section left empty is left out; one begun must be whole.
      ...(climate
        ? {}
        : {
            mitigation: false,
            adaptation: false,
            disasterRisk: false,
            climateShare: '',
            climateRationale: '',
          }),
      ...(investment ? {} : { investmentDescription: '', investmentSize: '', likelyFinancier: '' }),
    }));
}

/** The API's verdict on a draft: its content parses, and it names the lead country. */
function apiAccepts(content: ProposalContent): boolean {
  try {
    return parseProposalContent(content).countries.includes(LEAD);
  } catch {
    return false;
  }
}

/** The field each of the API's submission problems names, as the form's list names it. */
const FIELD: Record<Missing['key'], string> = {
  summary: 'summary.en',
  cluster: 'cluster',
  sectors: 'sectors',
  sectorTotal: 'sectors',
  rationale: 'climate',
  investment: 'investment',
  preparation: 'preparation',
};

describe('the proposal form', () => {
  it('finds a fault exactly when the API would refuse the draft', () => {
    fc.assert(
      fc.property(forms(false), (f) => {
        const faults = Object.keys(validate(f, LEAD));
        expect(faults.length === 0, faults.join(', ')).toBe(apiAccepts(contentOf(f)));
      }),
      { numRuns: 2000 },
    );
  });

  it('lists what submission lacks exactly as the API does', () => {
    fc.assert(
      fc.property(forms(true), (f) => {
        expect(validate(f, LEAD)).toEqual({});
        const content = contentOf(f);
        expect(missingForSubmission(content).map((m) => FIELD[m.key])).toEqual(
          submissionProblems(content).map((p) => p.split(':')[0]),
        );
      }),
      { numRuns: 500 },
    );
  });
});
