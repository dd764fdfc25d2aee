import type { Db } from '../db/database.ts';
import type { ImportCounts } from './import.service.ts';

export async function startImportRun(db: Db, source: string, now: string): Promise<number> {
  const { id } = await db
    .insertInto('import_run')
    .values({ source, started_at: now, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Records progress after each file, so an interrupted run shows how far it came. */
export async function updateImportRun(
  db: Db,
  id: number,
  lastFile: string,
  counts: ImportCounts,
): Promise<void> {
  await db
    .updateTable('import_run')
    .set({ ...pickCounts(counts), message: `last file: ${lastFile}` })
    .where('id', '=', id)
    .execute();
}

export async function finishImportRun(
  db: Db,
  id: number,
  counts: ImportCounts & { files: number; refused: number },
  now: string,
): Promise<void> {
  await db
    .updateTable('import_run')
    .set({
      ...pickCounts(counts),
      status: counts.refused > 0 ? 'failed' : 'completed',
      finished_at: now,
      message: counts.refused > 0 ? `${counts.refused} file(s) refused` : null,
    })
    .where('id', '=', id)
    .execute();
}

function pickCounts(counts: ImportCounts): ImportCounts {
  const { activities, imported, unchanged, replaced, rejected } = counts;
  return { activities, imported, unchanged, replaced, rejected };
}
