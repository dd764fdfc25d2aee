import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { importIati } from '../src/iati/import.service.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { buildApp } from '../src/server/app.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';
import { PERMISSION_TABLE } from './permission-table.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

/** Every query parameter any public read takes, and some no route takes. */
const PARAMETERS = [
  'measure',
  'by',
  'country',
  'region',
  'sector',
  'sectorCategory',
  'cluster',
  'corridor',
  'partner',
  'yearFrom',
  'yearTo',
  'status',
  'climate',
  'currency',
  'q',
  'sort',
  'limit',
  'cursor',
  'asOf',
  'lang',
  'format',
  'state',
  'year',
  'unknown',
];

/** Values people and attackers send: empty, huge, negative, unicode, SQL, lists, nonsense. */
const value = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'KZ',
    'kz',
    'regional',
    'country,year',
    'commitments',
    '-commitments',
    '2024',
    '-1',
    '0',
    '1e309',
    '99999999999999999999',
    'NaN',
    'null',
    '[]',
    '{}',
    "' OR 1=1 --",
    '%00',
    '\u0000',
    'Қазақстан',
    '🚂',
    'a'.repeat(5000),
    'KZ,UZ,KZ',
    'true',
    'false',
    '2024-02-30',
    'USD',
    'XXX',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...PARAMETERS), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

const PUBLIC_READS = Object.entries(PERMISSION_TABLE)
  .filter(([key, route]) => key.startsWith('GET ') && route.allowed === 'everyone')
  .map(([, route]) => route.url.split('?')[0]!);

for (const dialect of DIALECTS) {
  describe(`fuzzing on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await loadDemoPortfolio(store.db);
      app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    it('answers every public read with any query string, never with a 500', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...PUBLIC_READS), query, async (path, search) => {
          const response = await app.inject(`${path}?${search}`);
          expect(
            response.statusCode,
            `${path}?${search}: ${response.body.slice(0, 300)}`,
          ).toBeLessThan(500);
        }),
        { numRuns: 150 },
      );
    }, 120_000);

    it('never crashes on mutated activities and never stores half of one', async () => {
      const base = iatiDocument([
        activityXml({
          id: 'XM-FUZZ-A',
          extra:
            '<budget><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value value-date="2021-01-01">500</value></budget>',
        }),
        activityXml({ id: 'XM-FUZZ-B', country: 'UZ', value: '-20.5' }),
      ]);
      const mutation = fc.array(
        fc.record({
          at: fc.nat(base.length - 1),
          cut: fc.nat(30),
          insert: fc.oneof(
            fc.constantFrom(
              '<',
              '>',
              '&',
              '"',
              '</transaction>',
              '<transaction>',
              '&amp;',
              '1e5',
              '<!DOCTYPE x>',
              '\uFFFF',
              'percentage="250"',
            ),
            fc.string({ maxLength: 8 }),
          ),
        }),
        { minLength: 1, maxLength: 4 },
      );
      let run = 0;
      let storedRuns = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (edits) => {
          let text = base;
          for (const edit of edits)
            text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.cut);
          run += 1;
          const summary = await importIati(store.db, [textSource(`fuzz-${run}.xml`, text)], {
            dryRun: false,
            label: 'fuzz',
            actor: 'test',
            origin: 'test',
          });
          const file = summary.files[0]!;
          if (!file.refused) {
            expect(file.imported + file.unchanged + file.replaced + file.rejected).toBe(
              file.activities,
            );
            if (file.imported + file.replaced > 0) storedRuns += 1;
          }
          // Each stored fuzz activity has exactly the transactions its stored document lists.
          const stored = await store.db
            .selectFrom('activity')
            .select(['id', 'document'])
            .where('iati_identifier', 'like', 'XM-FUZZ%')
            .execute();
          for (const activity of stored) {
            const { transactions } = JSON.parse(activity.document) as { transactions: unknown[] };
            const rows = await store.db
              .selectFrom('activity_transaction')
              .select('id')
              .where('activity_id', '=', activity.id)
              .execute();
            expect(rows.length).toBe(transactions.length);
          }
        }),
        // Besides the random ones, an edit inside a title that leaves the file well-formed: the
        // property is then never checked on refused files alone.
        {
          numRuns: 60,
          examples: [[[{ at: base.indexOf('Road section') + 4, cut: 0, insert: 'x' }]]],
        },
      );
      // Not a vacuous property: some mutated files still stored activities.
      expect(storedRuns).toBeGreaterThan(0);
    }, 120_000);
  });
}
