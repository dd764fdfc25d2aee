/**
 * What storing an import costs SQLite alone: copies every row an import stored (FROM) into a
 * freshly migrated database (TO) with one INSERT … SELECT per table, so that no parsing and no
 * JavaScript per row is left, in one transaction as the importer writes a file, and prints the
 * seconds each table took and their sum. The tables start empty and rows go in in order, the
 * cheapest case for their indexes, and foreign keys go unchecked: no importer that stores the
 * same rows in SQLite, with the write-ahead log the server reads beside, stores them faster. The
 * commit's time is mostly the log's checkpoint, which writes every page a second time.
 * Usage: node bench/storage-floor.ts FROM.db TO.db   (TO freshly migrated: `caravan db migrate`)
 */
import { DatabaseSync } from 'node:sqlite';
import {
  ORDERED_TABLE,
  SORT_KEYS,
  orderedRowid,
} from '../src/portfolio/activity-search.repository.ts';

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('usage: storage-floor.ts FROM.db TO.db');

const db = new DatabaseSync(to);
// As the importer runs (db/sqlite.ts, and withJournalsInMemory in db/bulk.ts).
db.exec('pragma journal_mode = wal; pragma synchronous = normal; pragma temp_store = memory');
db.exec('pragma foreign_keys = off');
db.prepare('attach ? as source').run(from);

const count = (schema: string, table: string) =>
  (db.prepare(`select count(*) as n from ${schema}."${table}"`).get() as { n: number }).n;
const columns = (table: string) =>
  db
    .prepare('select name from pragma_table_info(?)')
    .all(table)
    .map((row) => `"${String(row.name)}"`)
    .join(', ');

// The tables the import filled: reference tables that migrations fill are left as they are,
// and the full-text tables are filled from the words the import kept (activity_search).
const names = db
  .prepare(
    `select name from source.sqlite_master where type = 'table'
     and name not like 'sqlite%' and name not like 'activity_search_by%' order by rowid`,
  )
  .all()
  .map((row) => String(row.name))
  .filter((name) => count('source', name) > 0 && count('main', name) === 0);

// The FTS5 rowids, worked out beforehand: an entry's rowid holds its sort key's code.
db.exec(`create temp table entry (key text, fts_rowid integer, text text, facets text)`);
const addEntry = db.prepare('insert into temp.entry values (?, ?, ?, ?)');
const stored = db.prepare(
  `select s.activity_id, s.title, s.start, s.commitments_cents, w.text, w.facets
   from source.activity_sort s join source.activity_search w using (activity_id)`,
);
db.exec('begin');
for (const row of stored.iterate()) {
  const entry = row as {
    activity_id: number;
    title: string;
    start: string;
    commitments_cents: number;
    text: string;
    facets: string;
  };
  for (const key of SORT_KEYS) {
    addEntry.run(key, orderedRowid(key, entry), entry.text, entry.facets);
  }
}
db.exec('commit');

const timings: [string, number][] = [];
const timed = (label: string, work: () => void) => {
  const start = performance.now();
  work();
  timings.push([label, performance.now() - start]);
};

let rows = 0;
timed('begin', () => db.exec('begin'));
for (const name of names) {
  const list = columns(name);
  const copied = count('source', name);
  rows += copied;
  timed(`${name} (${copied} rows)`, () =>
    db.exec(`insert into main."${name}" (${list}) select ${list} from source."${name}"`),
  );
}
for (const key of SORT_KEYS) {
  const table = ORDERED_TABLE[key];
  timed(`${table} (full text)`, () =>
    db
      .prepare(
        `insert into main."${table}" (rowid, text, facets)
         select fts_rowid, text, facets from temp.entry where key = ? order by fts_rowid`,
      )
      .run(key),
  );
}
timed('commit', () => db.exec('commit'));

for (const [label, ms] of timings)
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
const seconds = timings.reduce((sum, [, ms]) => sum + ms, 0) / 1000;
const entries = count('main', ORDERED_TABLE.title);
console.log(
  `floor: ${seconds.toFixed(2)} s for ${rows} rows and ${entries} activities' full-text entries`,
);
