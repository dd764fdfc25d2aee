import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Conference, DecisionLink } from './conferences.ts';

/** The conference records as stored (synced from conferences.ts), oldest first. */
export async function listConferences(db: Db): Promise<Conference[]> {
  const rows = await db.selectFrom('conference').selectAll().orderBy('number').execute();
  const documents = await db
    .selectFrom('conference_document')
    .selectAll()
    .orderBy('conference_number')
    .orderBy('seq')
    .execute();
  const decisions = await db
    .selectFrom('conference_decision')
    .selectAll()
    .orderBy('conference_number')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    year: row.year,
    date: row.date,
    cityEn: row.city_en,
    cityRu: row.city_ru,
    chair: row.chair_iso2,
    theme: row.theme_en && row.theme_ru ? { en: row.theme_en, ru: row.theme_ru } : null,
    documents: documents
      .filter((d) => d.conference_number === row.number)
      .map((d) => ({ title: { en: d.title_en, ru: d.title_ru }, url: d.url })),
    decisions: decisions
      .filter((d) => d.conference_number === row.number)
      .map((d) => ({ text: { en: d.text_en, ru: d.text_ru }, starts: linkOf(d) })),
    sources: JSON.parse(row.sources) as string[],
  }));
}

function linkOf(d: {
  link_kind: DecisionLink['kind'] | null;
  link_name_en: string | null;
  link_name_ru: string | null;
  link_ref: string | null;
}): DecisionLink | null {
  const name = { en: d.link_name_en ?? '', ru: d.link_name_ru ?? '' };
  switch (d.link_kind) {
    case 'facility':
      return { kind: 'facility' };
    case 'strategy':
      return { kind: 'strategy', name };
    case 'agreement':
      return { kind: 'agreement', name };
    case 'project':
      return { kind: 'project', iatiIdentifier: d.link_ref ?? '' };
    case null:
      return null;
  }
}

export async function getConference(db: Db, number: number): Promise<Conference> {
  const found = (await listConferences(db)).find((c) => c.number === number);
  if (!found)
    throw new AppError('not_found', `no record of the ${number}th Ministerial Conference`);
  return found;
}

/**
 * The conference a year's report is for, and the one just before it: "since the last
 * conference" runs from the day after the previous one's date, or from the first day of the
 * report's year when that conference or its day is not on record. The record has gaps (no
 * 18th to 21st): an older conference is not the last one, and would stretch the period by years.
 */
export async function conferencesAround(
  db: Db,
  year: number,
): Promise<{ current: Conference | null; previous: Conference | null; since: string }> {
  const all = await listConferences(db);
  const current = all.find((c) => c.year === year) ?? null;
  const previous =
    all.find((c) => (current ? c.number === current.number - 1 : c.year === year - 1)) ?? null;
  const since = previous?.date ? dayAfter(previous.date) : `${year}-01-01`;
  return { current, previous, since };
}

export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
