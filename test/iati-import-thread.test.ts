import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { verifyAuditChain } from '../src/accounts/audit.service.ts';
import type { Database } from '../src/db/database.ts';
import { importIati, type ImportOptions } from '../src/iati/import.service.ts';
import { expandSources, type ImportSource } from '../src/iati/sources.ts';
import { verifyRollups } from '../src/portfolio/rollup-verify.service.ts';
import { rebuildDerivedTables } from '../src/portfolio/search-rebuild.ts';
import { PROJECT_ROOT } from './support/cli.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const REAL_FILE = join(
  PROJECT_ROOT,
  '../shared/data/iati/activities/large/hdx_covid-fixture_dportal_v2.03.xml',
);

const TABLES = [
  'activity',
  'activity_narrative',
  'activity_search',
  'participating_org',
  'recipient_country',
  'recipient_region',
  'activity_sector',
  'policy_marker',
  'budget',
  'activity_transaction',
  'result',
  'result_indicator',
  'indicator_period',
  'location',
  'document_link',
  'related_activity',
  'allocation',
  'portfolio_rollup',
  'audit_log',
] as const;

/** Every activity's entry in the search index (null where it has none), by identifier. */
async function searchEntries(store: TestStore) {
  interface Entry {
    iati_identifier: string;
    text: string | null;
    facets: string | null;
    title: string | null;
    start: string | null;
    commitments_cents: number | string | null;
  }
  const { rows } = await (
    store.dialect === 'postgres'
      ? sql<Entry>`select a.iati_identifier, s.text, s.facets::text as facets, s.title, s.start,
          s.commitments_cents
        from activity a left join activity_search s on s.activity_id = a.id
        order by a.iati_identifier`
      : sql<Entry>`select a.iati_identifier, s.text, s.facets, o.title, o.start,
          o.commitments_cents
        from activity a left join activity_search s on s.activity_id = a.id
          left join activity_sort o on o.activity_id = a.id
        order by a.iati_identifier`
  ).execute(store.db);
  return rows.map((row) => ({
    ...row,
    facets: row.facets?.replace(/'/g, '').split(' ').filter(Boolean).sort() ?? null,
    commitments_cents: row.commitments_cents === null ? null : Number(row.commitments_cents),
  }));
}

/** What an import leaves in the store, in an order that does not depend on ids. */
async function snapshot(db: Kysely<Database>) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  const activities = await db
    .selectFrom('activity')
    .select([
      'iati_identifier',
      'content_hash',
      'title',
      'document',
      'commitments_cents',
      'disbursements_cents',
    ])
    .orderBy('iati_identifier')
    .execute();
  const transactions = await db
    .selectFrom('activity_transaction as t')
    .innerJoin('activity as a', 'a.id', 't.activity_id')
    .select(['a.iati_identifier', 't.seq', 't.type', 't.value', 't.usd_cents', 't.fx_source'])
    .orderBy('a.iati_identifier')
    .orderBy('t.seq')
    .execute();
  const indicators = await db
    .selectFrom('indicator_period as p')
    .innerJoin('result_indicator as i', 'i.id', 'p.indicator_id')
    .innerJoin('result as r', 'r.id', 'i.result_id')
    .innerJoin('activity as a', 'a.id', 'r.activity_id')
    .select(['a.iati_identifier', 'r.seq as result', 'i.seq as indicator', 'p.seq', 'p.target'])
    .orderBy('a.iati_identifier')
    .orderBy('r.seq')
    .orderBy('i.seq')
    .orderBy('p.seq')
    .execute();
  const rollup = await db
    .selectFrom('portfolio_rollup')
    .selectAll()
    .orderBy(['measure', 'year', 'country', 'sector_category', 'cluster_code', 'partner'])
    .orderBy(['status', 'mitigation', 'adaptation', 'drr'])
    .execute();
  return { counts, activities, transactions, indicators, rollup };
}

for (const dialect of DIALECTS) {
  describe(`IATI import on a parsing thread on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
    });
    afterEach(() => store.dispose());

    const options = (parseThread: ImportOptions['parseThread']): ImportOptions => ({
      dryRun: false,
      label: 'test',
      actor: 'test',
      origin: 'test',
      parseThread,
    });

    it.runIf(existsSync(REAL_FILE))(
      'stores a real file exactly as parsing on the writing thread does',
      async () => {
        const sources = async () => {
          const list: ImportSource[] = [];
          for await (const source of expandSources([REAL_FILE])) list.push(source);
          return list;
        };
        const threaded = await importIati(store.db, await sources(), options('always'));
        const other = await newTestStore(dialect);
        try {
          const inline = await importIati(other.db, await sources(), options('never'));
          expect(threaded.totals).toEqual(inline.totals);
          expect(threaded.files[0]!.errors).toEqual(inline.files[0]!.errors);
          // Several batches' worth.
          expect(threaded.totals.imported).toBeGreaterThan(256);
          const stored = await snapshot(store.db);
          expect(stored).toEqual(await snapshot(other.db));
          const entries = await searchEntries(store);
          expect(entries).toEqual(await searchEntries(other));
          expect(entries.filter((e) => e.text === null || e.title === null)).toEqual([]);
          // The entries the import wrote from the parsing thread's rows are those a rebuild
          // from the stored activities writes.
          await rebuildDerivedTables(store.db);
          expect(await searchEntries(store)).toEqual(entries);
          expect(stored.counts.indicator_period).toBeGreaterThan(0);
          expect(stored.counts.related_activity).toBeGreaterThan(0);
        } finally {
          await other.dispose();
        }
        expect(await verifyRollups(store.db)).toEqual([]);
        expect(await verifyAuditChain(store.db)).toEqual({
          ok: true,
          entries: threaded.totals.imported,
        });
      },
    );

    it('refuses a broken file whole, with its line and column, and goes on to the next', async () => {
      // More activities than a batch holds, so some were stored before the fault was found.
      const many = Array.from({ length: 600 }, (_, i) => activityXml({ id: `BROKEN-${i}` }));
      const broken = iatiDocument(many).replace('</iati-activities>', '</iati-activity>');
      const summary = await importIati(
        store.db,
        [
          textSource('first.xml', iatiDocument([activityXml({ id: 'FIRST' })])),
          textSource('broken.xml', broken),
          textSource('last.xml', iatiDocument([activityXml({ id: 'LAST' })])),
        ],
        options('always'),
      );
      expect(summary.files.map((f) => f.refused)).toEqual([false, true, false]);
      expect(summary.files[1]!.errors[0]).toMatch(/^broken\.xml:\d+:\d+: /);
      const ids = await store.db
        .selectFrom('activity')
        .select('iati_identifier')
        .orderBy('iati_identifier')
        .execute();
      expect(ids.map((row) => row.iati_identifier)).toEqual(['FIRST', 'LAST']);
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 2 });
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('gives every stored, replaced and affected activity the search entry a rebuild gives it', async () => {
      const child = (value: string) =>
        activityXml({
          id: 'CHILD',
          value,
          country: 'UZ',
          extra: '\n    <related-activity ref="PARENT" type="1"/>',
        });
      const parent = activityXml({
        id: 'PARENT',
        title: 'Корридор 2',
        extra: '\n    <related-activity ref="CHILD" type="2"/>',
      });
      const first = iatiDocument([parent, child('1.00'), activityXml({ id: 'OTHER' })]);
      const events: string[] = [];
      const summary = await importIati(store.db, [textSource('first.xml', first)], {
        ...options('always'),
        onActivity: ({ identifier, outcome, line }) =>
          events.push(`${identifier} ${outcome} ${line}`),
      });
      expect(summary.totals).toMatchObject({ imported: 3, rejected: 0 });
      expect(events).toEqual([
        expect.stringMatching(/^PARENT imported \d+$/),
        expect.stringMatching(/^CHILD imported \d+$/),
        expect.stringMatching(/^OTHER imported \d+$/),
      ]);
      // A replaced child changes how its parent counts: the parent's entry is written again.
      const second = iatiDocument([child('2.00')]);
      await importIati(store.db, [textSource('second.xml', second)], options('never'));
      const entries = await searchEntries(store);
      expect(entries.map((e) => e.iati_identifier)).toEqual(['CHILD', 'OTHER', 'PARENT']);
      expect(entries.filter((e) => e.text === null || e.title === null)).toEqual([]);
      expect(entries.find((e) => e.iati_identifier === 'PARENT')).toMatchObject({
        title: 'Корридор 2',
        start: '2020-01-01',
      });
      await rebuildDerivedTables(store.db);
      expect(await searchEntries(store)).toEqual(entries);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('finds an unchanged file unchanged, and a repeated identifier replaced in order', async () => {
      const file = iatiDocument([
        activityXml({ id: 'TWICE', value: '1.00' }),
        activityXml({ id: 'ONCE' }),
        activityXml({ id: 'TWICE', value: '2.00' }),
      ]);
      const first = await importIati(store.db, [textSource('t.xml', file)], options('always'));
      expect(first.totals).toMatchObject({ imported: 2, replaced: 1, unchanged: 0 });
      const again = await importIati(store.db, [textSource('t.xml', file)], options('always'));
      // The stored TWICE is the second version: the first one in the file replaces it again.
      expect(again.totals).toMatchObject({ imported: 0, replaced: 2, unchanged: 1 });
      const values = await store.db
        .selectFrom('activity_transaction as t')
        .innerJoin('activity as a', 'a.id', 't.activity_id')
        .select('t.value')
        .where('a.iati_identifier', '=', 'TWICE')
        .execute();
      expect(values).toEqual([{ value: '2.00' }]);
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5 });
      expect(await verifyRollups(store.db)).toEqual([]);
    });
  });
}
