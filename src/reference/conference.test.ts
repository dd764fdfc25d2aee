import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { conferencesAround, dayAfter, listConferences } from './conference.service.ts';
import { CONFERENCES } from './conferences.ts';
import { syncReferenceData } from './reference.repository.ts';

describe('conference records', () => {
  it('dates each conference within its year and names a source for each', () => {
    for (const c of CONFERENCES) {
      if (c.date !== null) expect(c.date.slice(0, 4), `${c.number}`).toBe(String(c.year));
      expect(c.sources.length, `${c.number}`).toBeGreaterThan(0);
      for (const url of c.sources) expect(url).toMatch(/^https?:\/\//);
    }
  });

  it('links the 23rd conference’s decisions to the facility and the Climate Change Action Plan', () => {
    const astana = CONFERENCES.find((c) => c.number === 23)!;
    expect(astana).toMatchObject({ date: '2024-11-08', cityEn: 'Astana', chair: 'KZ' });
    expect(astana.decisions.map((d) => d.starts?.kind)).toEqual([
      'facility',
      'strategy',
      'strategy',
    ]);
    expect(astana.decisions[1]!.starts).toMatchObject({
      name: { en: 'CAREC Climate Change Action Plan 2025–2027' },
    });
    for (const d of astana.decisions) expect(d.text.ru).toMatch(/[а-я]/);
  });

  it('counts the day after a conference as the first day since it', () => {
    expect(dayAfter('2023-11-30')).toBe('2023-12-01');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
  });
});

for (const dialect of DIALECTS) {
  describe(`conference records on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await syncReferenceData(store.db);
    });
    afterAll(() => store.dispose());

    it('stores exactly the records written in code', async () => {
      expect(await listConferences(store.db)).toEqual(CONFERENCES);
    });

    it('finds the conference of a report’s year and the one before it', async () => {
      const around2024 = await conferencesAround(store.db, 2024);
      expect(around2024.current?.number).toBe(23);
      expect(around2024.previous?.number).toBe(22);
      expect(around2024.since).toBe('2023-12-01');
      const around2025 = await conferencesAround(store.db, 2025);
      expect(around2025.previous?.number).toBe(23);
      expect(around2025.since).toBe('2024-11-09');
      // No conference on record for 2026, and the 24th's day is not recorded: the year's start.
      const around2026 = await conferencesAround(store.db, 2026);
      expect(around2026).toMatchObject({ current: null, previous: { number: 24 } });
      expect(around2026.since).toBe('2026-01-01');
      // The 21st is not on record: the 17th, five years before, is not the last conference.
      const around2023 = await conferencesAround(store.db, 2023);
      expect(around2023).toMatchObject({ current: { number: 22 }, previous: null });
      expect(around2023.since).toBe('2023-01-01');
    });
  });
}
