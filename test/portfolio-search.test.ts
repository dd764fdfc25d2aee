import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type ExpressionBuilder, type KyselyPlugin } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database, Db } from '../src/db/database.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { ActivitiesQuerySchema, type ActivitiesQuery } from '../src/portfolio/activities.schema.ts';
import { listActivities } from '../src/portfolio/activities.service.ts';
import { facetGroups } from '../src/portfolio/activity-search.ts';
import {
  insertOrderedRows,
  ORDERED_TABLE,
  searchPage,
  writeSearchEntries,
  SORT_KEYS,
  type SearchPageQuery,
  type SearchTuning,
} from '../src/portfolio/activity-search.repository.ts';
import type { ActivityInput } from '../src/portfolio/activity.model.ts';
import { storeActivities } from '../src/portfolio/activity.service.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { generateDemoPortfolio } from '../src/portfolio/demo/generate.ts';
import { ID_BITS, orderCode, rowidCode } from '../src/portfolio/search-order.ts';
import {
  compareKeys,
  PARTITION_BOUNDS,
  PARTITIONED_TABLE,
  partitionOf,
} from '../src/portfolio/search-partitions.ts';
import { verifyRollups } from '../src/portfolio/rollup-verify.service.ts';
import { loadUsdConverter } from '../src/reference/fx.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { importIati } from '../src/iati/import.service.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

/** Demo activities with what the demo lacks: recipient regions, and years no filter can name. */
function unusual(): ActivityInput[] {
  const [first, second] = generateDemoPortfolio();
  const dated = (activity: ActivityInput, year: number, suffix: string): ActivityInput => ({
    ...activity,
    iatiIdentifier: `${activity.iatiIdentifier}-${suffix}`,
    recipientRegions: [
      { code: '619', vocabulary: '1', vocabularyUri: null, narratives: [], percentage: null },
    ],
    transactions: activity.transactions.map((t) => ({
      ...t,
      date: `${year}-06-30`,
      amount: { value: '1000.00', currency: 'USD', valueDate: `${year}-06-30` },
    })),
    budgets: [],
  });
  return [dated(first!, 1890, 'OLD'), dated(second!, 2150, 'FUTURE')];
}

type Filters = Record<string, string>;

/** The filters' meaning, asked of the allocations and child tables directly. */
async function expectedIdentifiers(db: Db, f: Filters): Promise<string[]> {
  type Activity = ExpressionBuilder<Database, 'activity'>;
  const conditions: ((eb: Activity) => ReturnType<Activity['exists']>)[] = [];
  const allocation = (column: string, values: (string | number)[]) =>
    conditions.push((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation')
          .select('allocation.activity_id')
          .whereRef('allocation.activity_id', '=', 'activity.id')
          .where(sql.ref(`allocation.${column}`), 'in', values),
      ),
    );
  const list = (value: string) => value.split(',');
  if (f['country']) allocation('country', list(f['country']));
  if (f['sector']) allocation('sector', list(f['sector']));
  if (f['sectorCategory']) allocation('sector_category', list(f['sectorCategory']));
  if (f['cluster']) allocation('cluster_code', list(f['cluster']).map(Number));
  if (f['partner']) allocation('partner', list(f['partner']));
  if (f['climate']) {
    const markers = f['climate'] === 'any' ? ['mitigation', 'adaptation', 'drr'] : [f['climate']];
    conditions.push((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation')
          .select('allocation.activity_id')
          .whereRef('allocation.activity_id', '=', 'activity.id')
          .where((a) => a.or(markers.map((m) => a(sql.ref(`allocation.${m}`), '>', 0)))),
      ),
    );
  }
  if (f['yearFrom'] || f['yearTo']) {
    const from = Number(f['yearFrom'] ?? 0);
    const to = Number(f['yearTo'] ?? 9999);
    conditions.push((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation')
          .select('allocation.activity_id')
          .whereRef('allocation.activity_id', '=', 'activity.id')
          .where('allocation.year', '>=', from)
          .where('allocation.year', '<=', to),
      ),
    );
  }
  if (f['region']) {
    const regions = list(f['region']);
    conditions.push((eb) =>
      eb.exists(
        eb
          .selectFrom('recipient_region')
          .select('recipient_region.activity_id')
          .whereRef('recipient_region.activity_id', '=', 'activity.id')
          .where('recipient_region.region_code', 'in', regions),
      ),
    );
  }
  if (f['corridor']) {
    const corridors = list(f['corridor']).map(Number);
    conditions.push((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_corridor')
          .select('activity_corridor.activity_id')
          .whereRef('activity_corridor.activity_id', '=', 'activity.id')
          .where('activity_corridor.corridor_number', 'in', corridors),
      ),
    );
  }
  let query = db.selectFrom('activity').select('iati_identifier');
  if (f['status']) query = query.where('status', 'in', list(f['status']));
  for (const condition of conditions) query = query.where((eb) => condition(eb));
  return (await query.execute()).map((r) => r.iati_identifier).sort();
}

async function listed(db: Db, params: Filters): Promise<string[]> {
  const query: ActivitiesQuery = ActivitiesQuerySchema.parse({ ...params, limit: '500' });
  const page = await listActivities(db, query);
  expect(page.nextCursor).toBeNull();
  return page.items.map((a) => a.iatiIdentifier).sort();
}

const FILTER_VALUES: Record<string, string[]> = {
  country: ['KZ', 'UZ', 'regional', 'KZ,TJ', 'FR'],
  region: ['619', '619,298', '298'],
  sector: ['21020', '23630', '21020,31140'],
  sectorCategory: ['210', '236', '311,140'],
  cluster: ['3', '1,4', '5'],
  corridor: ['1', '2,5', '6'],
  partner: ['XM-DAC-46004', '44000', 'XM-DAC-46004,44000'],
  status: ['2', '3,4', '1'],
  climate: ['any', 'mitigation', 'adaptation', 'drr'],
  yearFrom: ['1900', '2015', '2024', '2100'],
  yearTo: ['1900', '2010', '2030', '2100'],
};

/** The index's facets and sort keys, and the rollup, as comparable rows. */
async function indexSnapshot(store: TestStore) {
  interface Entry {
    id: number;
    facets: string;
    title: string;
    start: string;
    commitments_cents: number;
  }
  const { rows } = await (
    store.dialect === 'postgres'
      ? sql<Entry>`select activity_id as id, facets::text as facets, title, start, commitments_cents
        from activity_search order by activity_id`
      : sql<Entry>`select s.activity_id as id, s.facets, o.title, o.start, o.commitments_cents
        from activity_search s join activity_sort o on o.activity_id = s.activity_id
        order by s.activity_id`
  ).execute(store.db);
  const entries = rows.map((r) => ({
    ...r,
    facets: r.facets.replace(/'/g, '').split(' ').filter(Boolean).sort(),
  }));
  const rollup = await store.db
    .selectFrom('portfolio_rollup')
    .selectAll()
    .orderBy('measure')
    .orderBy('year')
    .orderBy('country')
    .orderBy('sector')
    .orderBy('partner')
    .orderBy('status')
    .orderBy('cluster_code')
    .orderBy('mitigation')
    .orderBy('adaptation')
    .orderBy('drr')
    .orderBy('sector_category')
    .execute();
  return { entries, rollup, ordered: await orderedRowids(store) };
}

/**
 * Each sort key's index in its order: SQLite's FTS5 rowids as [code, activity id], PostgreSQL's
 * partitioned rows as [key, activity id, the number of their partition].
 */
async function orderedRowids(store: TestStore) {
  const tables: Record<string, [number | string, number, number?][]> = {};
  for (const key of SORT_KEYS) {
    if (store.dialect === 'postgres') {
      const { table, column } = PARTITIONED_TABLE[key];
      const { rows } = await sql<{ value: string | number; id: number; partition: string }>`
        select ${sql.ref(column)} as value, activity_id as id, tableoid::regclass::text as partition
        from ${sql.table(table)} order by ${sql.ref(column)}, activity_id`.execute(store.db);
      tables[key] = rows.map((r) => [r.value, r.id, Number(r.partition.slice(table.length + 1))]);
      continue;
    }
    const { rows } = await sql<{ code: number; id: number }>`
      select rowid >> ${sql.lit(ID_BITS)} as code, rowid & ${sql.lit(2 ** ID_BITS - 1)} as id
      from ${sql.table(ORDERED_TABLE[key])}
      order by rowid`.execute(store.db);
    tables[key] = rows.map((r) => [r.code, r.id]);
  }
  return tables;
}

for (const dialect of DIALECTS) {
  describe(`activity search index on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await loadDemoPortfolio(store.db);
      await storeActivities(store.db, unusual(), {
        isDemo: true,
        importRunId: null,
        toUsd: await loadUsdConverter(store.db),
      });
    });
    afterAll(() => store.dispose());

    it('lists exactly the activities each combination of filters describes', async () => {
      const filters = fc
        .uniqueArray(fc.constantFrom(...Object.keys(FILTER_VALUES)), { maxLength: 3 })
        .chain((names) =>
          fc
            .tuple(...names.map((name) => fc.constantFrom(...FILTER_VALUES[name]!)))
            .map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]!]))),
        )
        .filter((f) => !f['yearFrom'] || !f['yearTo'] || f['yearFrom'] <= f['yearTo']);
      await fc.assert(
        fc.asyncProperty(filters, async (f) => {
          expect(await listed(store.db, f)).toEqual(await expectedIdentifiers(store.db, f));
        }),
        { numRuns: 120 },
      );
    });

    it('finds the years before and after those a filter can name in open ranges only', async () => {
      expect(await listed(store.db, { yearTo: '1900' })).toEqual([expect.stringMatching(/-OLD$/)]);
      expect(await listed(store.db, { yearFrom: '2100' })).toEqual([
        expect.stringMatching(/-FUTURE$/),
      ]);
      expect(await listed(store.db, { yearFrom: '1900', yearTo: '2100', region: '619' })).toEqual(
        [],
      );
    });

    it('combines words and filters as the intersection of each alone', async () => {
      for (const q of ['road', 'transmission line', 'Линия электропередачи', '46004']) {
        const words = await listed(store.db, { q });
        const combinations: Filters[] = [
          { country: 'KZ' },
          { status: '2', climate: 'any' },
          { region: '619' },
        ];
        for (const f of combinations) {
          const alone = new Set(await listed(store.db, f));
          expect(await listed(store.db, { q, ...f })).toEqual(words.filter((i) => alone.has(i)));
        }
      }
      expect((await listed(store.db, { q: 'road' })).length).toBeGreaterThan(10);
    });

    it('pages through matches alike however it reads them', async () => {
      /** Every page of a search, following the cursor, as the ids in order. */
      const allPages = async (query: Omit<SearchPageQuery, 'after'>, tuning: SearchTuning) => {
        const ids: number[] = [];
        let after: SearchPageQuery['after'] = null;
        for (;;) {
          const rows = await searchPage(store.db, { ...query, after }, tuning);
          ids.push(...rows.map((r) => r.id));
          if (rows.length < query.limit) return ids;
          const last = rows.at(-1)!;
          after = { key: last.sort_key, id: last.id };
        }
      };
      // PostgreSQL sorts every match, walks the whole sort order, or gives up walking at once;
      // SQLite reads every match at once, or from one match up, four times more each time.
      // PostgreSQL also reads every partition at once, or one at a time.
      const everything = { walk: 0, firstRows: Infinity, firstRead: 1_000_000 };
      const walking = { walk: 1_000_000, firstRead: 1 };
      const givingUp = { walk: 5, firstRows: 0, firstRead: 14 };
      const searches = [
        { words: 'road', groups: [] },
        { words: undefined, groups: facetGroups({ country: ['KZ'] }) },
        { words: undefined, groups: facetGroups({ status: ['2'], climate: 'any' }) },
        { words: 'transmission', groups: facetGroups({ yearFrom: 2010 }) },
      ];
      for (const search of searches) {
        for (const key of SORT_KEYS) {
          for (const descending of [false, true]) {
            const query = { ...search, key, descending, limit: 13 };
            const sorted = await allPages(query, everything);
            expect(sorted.length).toBeGreaterThan(13);
            expect(new Set(sorted).size).toBe(sorted.length);
            expect(await allPages(query, walking)).toEqual(sorted);
            expect(await allPages(query, givingUp)).toEqual(sorted);
          }
        }
      }
    });

    it('orders pages by the keys themselves where activities share a code of them', async () => {
      const stored = await store.db.selectFrom('activity').select('title').execute();
      const titles = new Set(stored.map((r) => r.title));
      const codes = new Set([...titles].map((title) => orderCode('title', title)));
      // Titles alike in their first four bytes share a code: the paging above crosses them.
      expect(codes.size).toBeLessThan(titles.size);
      const page = await listActivities(
        store.db,
        ActivitiesQuerySchema.parse({ q: 'road', sort: 'title', limit: '200' }),
      );
      const listed = page.items.map((a) => a.title);
      expect(listed).toEqual(
        [...listed].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
      );
    });

    it('never matches a filter token from the words searched', async () => {
      const token = 'c4b5a'; // the country token of KZ
      expect(await listed(store.db, { q: token })).toEqual([]);
    });

    it('rebuilds the same index and rollup when migrating a database that holds activities', async () => {
      const before = await indexSnapshot(store);
      expect(before.entries.length).toBe(282);
      const column = { title: 'title', start: 'start', commitments: 'commitments_cents' } as const;
      for (const key of SORT_KEYS) {
        const expected =
          store.dialect === 'postgres'
            ? // In the key's order, each in the partition its bounds give it.
              before.entries
                .map((e) => [e[column[key]], e.id, partitionOf(key, e[column[key]])] as const)
                .sort((a, b) => compareKeys(a[0], b[0]) || a[1] - b[1])
            : before.entries
                .map((e): [number, number] => [rowidCode(key, e[column[key]]), e.id])
                .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(before.ordered[key]).toEqual(expected);
      }
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
      });
      const down = await migrator.migrateTo('2026_11_28_009_password_reset');
      expect(down.error).toBeUndefined();
      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(await indexSnapshot(store)).toEqual(before);
      expect(await verifyRollups(store.db)).toEqual([]);
    });
  });
}

/**
 * The first demo activity as another, described by `words`, whose one transaction commits
 * `cents` in USD (and whose title is `title`, when given).
 */
function committing(suffix: string, words: string, cents: number, title?: string): ActivityInput {
  const [model] = generateDemoPortfolio();
  const commitment = model!.transactions.find((t) => t.type === '2')!;
  return {
    ...model!,
    iatiIdentifier: `${model!.iatiIdentifier}-${suffix}`,
    ...(title === undefined ? {} : { titles: [{ lang: 'en', text: title }] }),
    descriptions: [{ type: '1', narratives: [{ lang: 'en', text: words }] }],
    transactions: [
      {
        ...commitment,
        amount: { ...commitment.amount, value: (cents / 100).toFixed(2), currency: 'USD' },
      },
    ],
    budgets: [],
  };
}

/**
 * Activities whose sort keys lie on PostgreSQL's partition bounds and beside them: titles equal
 * to a bound and just past it, commitments of a bound's cents and a cent either side.
 */
function onPartitionBounds(): ActivityInput[] {
  const titles = PARTITION_BOUNDS.title.flatMap((bound) => [String(bound), `${bound} `]);
  const amounts = PARTITION_BOUNDS.commitments.flatMap((bound) => [
    Number(bound) - 1,
    Number(bound),
    Number(bound) + 1,
  ]);
  const count = Math.max(titles.length, amounts.length);
  return Array.from({ length: count }, (_, i) =>
    committing(`BOUND-${i}`, 'boundary', amounts[i % amounts.length]!, titles[i % titles.length]),
  );
}

for (const dialect of DIALECTS) {
  describe(`activity search across partition bounds on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await storeActivities(store.db, onPartitionBounds(), {
        isDemo: true,
        importRunId: null,
        toUsd: await loadUsdConverter(store.db),
      });
      // PostgreSQL sizes its reads by the planner's estimates of each partition's rows.
      if (dialect === 'postgres') {
        for (const key of SORT_KEYS) {
          await sql`analyze ${sql.table(PARTITIONED_TABLE[key].table)}`.execute(store.db);
        }
      }
    });
    afterAll(() => store.dispose());

    it('lists each activity once, in order, a page at a time, however it reads them', async () => {
      const stored = await store.db
        .selectFrom('activity')
        .select(['id', 'title', 'commitments_cents'])
        .execute();
      for (const key of ['title', 'commitments'] as const) {
        for (const descending of [false, true]) {
          const value = (r: (typeof stored)[number]) =>
            key === 'title' ? r.title : r.commitments_cents;
          const expected = [...stored]
            .sort((a, b) => compareKeys(value(a), value(b)) || a.id - b.id)
            .map((r) => r.id);
          if (descending) expected.reverse();
          for (const tuning of [
            { walk: 0, firstRows: 0, firstRead: 1 },
            { walk: 3, firstRows: 20, firstRead: 5 },
            { walk: 10, firstRows: 1, firstRead: 2 },
            { walk: 0, firstRows: Infinity, firstRead: 1_000 },
          ]) {
            const ids: number[] = [];
            let after: SearchPageQuery['after'] = null;
            for (;;) {
              const query = { words: 'boundary', groups: [], key, descending, limit: 7, after };
              const rows = await searchPage(store.db, query, tuning);
              ids.push(...rows.map((r) => r.id));
              if (rows.length < 7) break;
              after = { key: rows.at(-1)!.sort_key, id: rows.at(-1)!.id };
            }
            expect(ids).toEqual(expected);
          }
        }
      }
    });
  });
}

describe('a PostgreSQL search page while an activity changes its sort key', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await newTestStore('postgres');
    await syncReferenceData(store.db);
    const movingOne = (n: number, dollars: number) =>
      committing(`MOVING-${n}`, 'moving', dollars * 100);
    // Three partitions apart: $50, $50,000 and $5 million.
    await storeActivities(store.db, [movingOne(1, 50), movingOne(2, 50_000), movingOne(3, 5e6)], {
      isDemo: true,
      importRunId: null,
      toUsd: await loadUsdConverter(store.db),
    });
  });
  afterAll(() => store.dispose());

  it('lists each activity once, as the page began, though its key changes between reads', async () => {
    const first = await store.db
      .selectFrom('activity')
      .select('id')
      .where('iati_identifier', 'like', '%-MOVING-1')
      .executeTakeFirstOrThrow();
    let reads = 0;
    // After the page's first read of a partition, the activity's commitments grow (a newer
    // version, new exchange rates): it moves into a partition the page has yet to read.
    const moving: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        if (args.result.rows[0] && 'sort_key' in args.result.rows[0] && ++reads === 1) {
          await writeSearchEntries(store.db, [
            {
              activityId: first.id,
              text: 'moving',
              facets: [],
              title: 'moved',
              start: '',
              commitmentsCents: 1_000_000_000,
            },
          ]);
        }
        return args.result;
      },
    };
    const query = { words: 'moving', groups: [], key: 'commitments' as const, descending: false };
    const rows = await searchPage(
      store.db.withPlugin(moving),
      { ...query, after: null, limit: 10 },
      { walk: 0, firstRows: 0 },
    );
    expect(reads).toBeGreaterThan(1);
    expect(rows.map((r) => Number(r.sort_key))).toEqual([5_000, 5_000_000, 500_000_000]);
    // The next page, begun after the change, sees it.
    const after = await searchPage(store.db, { ...query, after: null, limit: 10 });
    expect(after.map((r) => Number(r.sort_key))).toEqual([5_000_000, 500_000_000, 1_000_000_000]);
  });

  it('prepares its reads again once a migration has changed a column they return', async () => {
    const query = { words: 'moving', groups: [], key: 'start' as const, descending: true };
    const page = () => searchPage(store.db, { ...query, after: null, limit: 10 });
    const before = await page();
    expect(before).toHaveLength(3);
    // Prepared statements that return the old type are refused on every connection that has one.
    const retype = (type: string) =>
      sql`alter table activity_search_by_start alter column activity_id type ${sql.raw(type)}`;
    await retype('bigint').execute(store.db);
    try {
      expect(await page()).toEqual(before);
      expect(await page()).toEqual(before);
    } finally {
      await retype('integer').execute(store.db);
    }
    expect(await page()).toEqual(before);
  });
});

describe('the SQLite search index after an import', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await newTestStore('sqlite');
    await syncReferenceData(store.db);
  });
  afterAll(() => store.dispose());

  const segments = async (table: string) => {
    const { rows } = await sql<{ n: number }>`select count(*) as n
      from (select distinct segid from ${sql.table(`${table}_idx`)})`.execute(store.db);
    return rows[0]!.n;
  };

  it('writes one segment per table for entries that arrive out of order', async () => {
    for (const table of Object.values(ORDERED_TABLE)) {
      await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank)
        values ('automerge', 0)`.execute(store.db);
    }
    // Later activities sort first by every key: FTS5 would flush a segment for each of them.
    const entries = Array.from({ length: 20 }, (_, i) => ({
      activity_id: 900_000 + i,
      title: `Title ${String.fromCharCode(90 - i)}`,
      start: `20${String(30 - i).padStart(2, '0')}-01-01`,
      commitments_cents: 1000 * (i + 1),
      text: 'road section',
      facets: '',
    }));
    await store.db.transaction().execute((trx) => insertOrderedRows(trx, entries));
    for (const table of Object.values(ORDERED_TABLE)) expect(await segments(table)).toBe(1);
  });

  it('is merged into one segment per table once an import has left it in many', async () => {
    // Without FTS5's own merging, every file's transaction leaves a segment in each table.
    for (const table of Object.values(ORDERED_TABLE)) {
      await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank)
        values ('automerge', 0)`.execute(store.db);
    }
    const files = Array.from({ length: 12 }, (_, i) =>
      textSource(`part-${i}.xml`, iatiDocument([activityXml({ id: `XM-DAC-46004-SEG-${i}` })])),
    );
    const summary = await importIati(store.db, files, {
      dryRun: false,
      label: 'segments',
      actor: 'test',
      origin: 'test',
    });
    expect(summary.totals.imported).toBe(12);
    for (const table of Object.values(ORDERED_TABLE)) expect(await segments(table)).toBe(1);
    expect(await listed(store.db, { q: 'road section' })).toHaveLength(12);
  });

  it('gets one segment per table from a file of many batches, not one a batch', async () => {
    for (const table of Object.values(ORDERED_TABLE)) {
      await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank)
        values ('automerge', 0)`.execute(store.db);
    }
    const before = await Promise.all(Object.values(ORDERED_TABLE).map(segments));
    // Five batches of activities (see import-batches.ts).
    const id = (i: number) => `XM-DAC-46004-BATCHES-${i}`;
    const activities = Array.from({ length: 300 }, (_, i) => activityXml({ id: id(i) }));
    const summary = await importIati(
      store.db,
      [textSource('batches.xml', iatiDocument(activities))],
      { dryRun: false, label: 'batches', actor: 'test', origin: 'test' },
    );
    expect(summary.totals.imported).toBe(300);
    const after = await Promise.all(Object.values(ORDERED_TABLE).map(segments));
    expect(after).toEqual(before.map((n) => n + 1));
    expect(await listed(store.db, { q: 'road section batches' })).toHaveLength(300);
  });

  it('rewrites entries held back when a later activity in the file replaces or names them', async () => {
    const id = (i: number) => `XM-DAC-46004-HELD-${i}`;
    // The last activities replace the first, and name it their parent, after four batches.
    const activities = Array.from({ length: 258 }, (_, i) => activityXml({ id: id(i) }));
    activities.push(activityXml({ id: id(0), title: 'Bridge corridor', value: '2000000.00' }));
    const parent = `<related-activity ref="${id(0)}" type="1"/>`;
    activities.push(activityXml({ id: id(258), extra: parent }));
    const summary = await importIati(store.db, [textSource('held.xml', iatiDocument(activities))], {
      dryRun: false,
      label: 'held',
      actor: 'test',
      origin: 'test',
    });
    expect(summary.totals).toMatchObject({ imported: 259, replaced: 1, rejected: 0 });
    expect(await listed(store.db, { q: 'bridge corridor' })).toEqual([id(0)]);
    const roads = await listed(store.db, { q: 'road section held' });
    expect(roads).toHaveLength(258);
    expect(roads).not.toContain(id(0));
    // Sorted by their commitments as stored, once each: the rewritten entries carry new keys.
    const bySize = await listActivities(
      store.db,
      ActivitiesQuerySchema.parse({ q: 'held', sort: '-commitments', limit: '500' }),
    );
    const stored = await store.db
      .selectFrom('activity')
      .select(['iati_identifier', 'commitments_cents'])
      .where('iati_identifier', 'like', 'XM-DAC-46004-HELD-%')
      .orderBy('commitments_cents', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(bySize.items.map((a) => a.iatiIdentifier)).toEqual(
      stored.map((row) => row.iati_identifier),
    );
    expect(new Set(stored.map((row) => Number(row.commitments_cents))).size).toBeGreaterThan(1);
    // No entry of a replaced version is left behind, where it would count as a match.
    for (const table of Object.values(ORDERED_TABLE)) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
        where ${sql.table(table)} match 'held'`.execute(store.db);
      expect(rows[0]!.n).toBe(stored.length);
    }
  });
});
