import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../src/db/database.ts';
import { importIati } from '../src/iati/import.service.ts';
import { expandSources, type ImportSource } from '../src/iati/sources.ts';
import { AggregateQuerySchema } from '../src/portfolio/aggregate.schema.ts';
import { aggregate } from '../src/portfolio/aggregate.service.ts';
import { verifyRollups } from '../src/portfolio/rollup-verify.service.ts';
import { PROJECT_ROOT } from './support/cli.ts';
import { iatiDocument, textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

interface Flow {
  type: string;
  value: string;
  provider?: { ref: string; activity?: string };
  receiver?: { ref: string; activity?: string };
}

function activity(id: string, reporter: string, flows: Flow[], extra = ''): string {
  const org = (tag: string, o?: { ref: string; activity?: string }) =>
    o
      ? `<${tag} ref="${o.ref}"${o.activity ? ` ${tag.replace('-org', '')}-activity-id="${o.activity}"` : ''}><narrative>${o.ref}</narrative></${tag}>`
      : '';
  const transactions = flows
    .map(
      (f) => `
    <transaction>
      <transaction-type code="${f.type}"/>
      <transaction-date iso-date="2021-03-01"/>
      <value currency="USD" value-date="2021-03-01">${f.value}</value>
      ${org('provider-org', f.provider)}${org('receiver-org', f.receiver)}
    </transaction>`,
    )
    .join('');
  return `
  <iati-activity xml:lang="en" default-currency="USD">
    <iati-identifier>${id}</iati-identifier>
    <reporting-org ref="${reporter}" type="40"><narrative>${reporter}</narrative></reporting-org>
    <title><narrative>${id}</narrative></title>
    <description><narrative>Written for Caravan's counting tests.</narrative></description>
    <participating-org ref="${reporter}" role="1"/>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2021-01-01"/>
    <recipient-country code="KZ" percentage="100"/>
    <sector vocabulary="1" code="21020" percentage="100"/>${extra}${transactions}
  </iati-activity>`;
}

const source = (name: string, activities: string[]): ImportSource =>
  textSource(name, iatiDocument(activities));

const ADB = 'XM-DAC-46004';
const UNDP = 'XM-DAC-41114';

for (const dialect of DIALECTS) {
  describe(`counting each flow once on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
    });
    afterEach(() => store.dispose());

    const load = (...files: ImportSource[]) =>
      importIati(store.db, files, {
        dryRun: false,
        label: 'counting test',
        actor: 'test',
        origin: 'test',
      });
    const ask = (params: Record<string, string>) =>
      aggregate(store.db, AggregateQuerySchema.parse(params));

    // ADB disburses 100 to a UNDP activity, which reports the incoming funds and spends them.
    const funder = activity('FUNDER', ADB, [
      { type: '3', value: '100.00', receiver: { ref: UNDP, activity: 'IMPLEMENTER' } },
    ]);
    const implementer = activity('IMPLEMENTER', UNDP, [
      { type: '1', value: '100.00', provider: { ref: ADB, activity: 'FUNDER' } },
      { type: '3', value: '100.00', receiver: { ref: 'KZ-CONTRACTOR' } },
    ]);

    it('counts money passed to another reporting activity once, under its original funder', async () => {
      await load(source('both.xml', [funder, implementer]));
      const answer = await ask({ measure: 'disbursements', by: 'partner' });
      expect(answer.total).toBe(100);
      expect(answer.rows).toEqual([{ partner: ADB, value: 100 }]);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('gives the same answer whichever publisher is imported first', async () => {
      await load(source('implementer.xml', [implementer]));
      expect((await ask({ measure: 'disbursements' })).total).toBe(100);
      await load(source('funder.xml', [funder]));
      const answer = await ask({ measure: 'disbursements', by: 'partner' });
      expect(answer.rows).toEqual([{ partner: ADB, value: 100 }]);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('does not add a parent to the children that report the same money', async () => {
      const parent = activity(
        'PARENT',
        ADB,
        [{ type: '2', value: '300.00' }],
        `
    <related-activity ref="CHILD-1" type="2"/>`,
      );
      const child = activity(
        'CHILD-1',
        ADB,
        [{ type: '2', value: '300.00' }],
        `
    <related-activity ref="PARENT" type="1"/>`,
      );
      await load(source('family.xml', [parent, child]));
      expect((await ask({})).total).toBe(300);
    });

    it.runIf(dialect === 'postgres')(
      'counts money once when the funder’s and the implementer’s files are imported at once',
      async () => {
        const second = openStore(store.url);
        try {
          // Filler after each key activity keeps its file's transaction open, blind to the other's.
          const filler = (tag: string) =>
            Array.from({ length: 300 }, (_, i) =>
              activity(`${tag}-FILL-${i}`, ADB, [{ type: '2', value: '1.00' }]),
            );
          const options = { dryRun: false, label: 'race', actor: 'test', origin: 'test' };
          await Promise.all([
            importIati(store.db, [source('f.xml', [funder, ...filler('F')])], options),
            importIati(second.db, [source('i.xml', [implementer, ...filler('I')])], options),
          ]);
        } finally {
          await second.close();
        }
        const answer = await ask({ measure: 'disbursements', by: 'partner' });
        expect(answer.rows).toEqual([{ partner: ADB, value: 100 }]);
        expect(await verifyRollups(store.db)).toEqual([]);
      },
    );

    it('recounts the parent when a newer child no longer names it', async () => {
      const parent = activity('P1', ADB, [{ type: '2', value: '1000.00' }]);
      const child = (extra: string) => activity('C1', ADB, [{ type: '2', value: '400.00' }], extra);
      await load(
        source('family.xml', [parent, child('\n    <related-activity ref="P1" type="1"/>')]),
      );
      expect((await ask({})).total).toBe(400);
      await load(source('child.xml', [child('')]));
      expect((await ask({})).total).toBe(1400);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('filters by recipient region and shows what the region keeps as regional', async () => {
      const regional = activity('REGIONAL', ADB, [{ type: '2', value: '1000.00' }]).replace(
        '<recipient-country code="KZ" percentage="100"/>',
        '<recipient-country code="KZ" percentage="60"/><recipient-region code="619" vocabulary="1" percentage="40"/>',
      );
      await load(
        source('regional.xml', [
          regional,
          activity('NATIONAL', ADB, [{ type: '2', value: '5.00' }]),
        ]),
      );
      const answer = await ask({ region: '619', by: 'country' });
      expect(answer.rows).toEqual([
        { country: 'KZ', value: 600 },
        { country: 'regional', value: 400 },
      ]);
      expect(answer.total).toBe(1000);
      expect((await ask({})).total).toBe(1005);
    });

    it('counts a co-financed loan once, by the bank that reports it', async () => {
      const lead = activity('LEAD', ADB, [
        { type: '2', value: '500.00' },
        { type: '2', value: '200.00', provider: { ref: UNDP, activity: 'COFIN' } },
      ]);
      const cofinancier = activity('COFIN', UNDP, [{ type: '2', value: '200.00' }]);
      await load(source('cofinancing.xml', [lead, cofinancier]));
      const answer = await ask({ by: 'partner' });
      expect(answer.total).toBe(700);
      expect(answer.rows).toEqual([
        { partner: ADB, value: 500 },
        { partner: UNDP, value: 200 },
      ]);
    });
  });
}

const REAL_FILE = join(
  PROJECT_ROOT,
  '../shared/data/iati/activities/dportal/dportal_117_iom-cgiar-unesco-adb.xml',
);

describe.runIf(existsSync(REAL_FILE))('a multi-country activity in a real file', () => {
  it('appears under each of its countries with its share, and once in the total', async () => {
    const store = await newTestStore('sqlite');
    try {
      const sources: ImportSource[] = [];
      for await (const s of expandSources([REAL_FILE])) sources.push(s);
      await importIati(store.db, sources, {
        dryRun: false,
        label: 'real',
        actor: 'test',
        origin: 'test',
      });
      const { rows } = await sql<{ activity_id: number; n: number }>`
        select activity_id, count(*) as n from recipient_country
        where percentage is not null group by activity_id having count(*) > 1`.execute(store.db);
      let checked = 0;
      for (const { activity_id } of rows) {
        const transactions = await store.db
          .selectFrom('activity_transaction')
          .select(['id', 'usd_cents'])
          .where('activity_id', '=', activity_id)
          .where('type', 'in', ['2', '3', '4'])
          .where('recipient_country', 'is', null)
          .where('usd_cents', 'is not', null)
          .execute();
        for (const t of transactions) {
          const parts = await store.db
            .selectFrom('allocation')
            .select(['country', 'usd_cents'])
            .where('transaction_id', '=', t.id)
            .execute();
          expect(parts.reduce((sum, p) => sum + Number(p.usd_cents), 0)).toBe(t.usd_cents);
          expect(new Set(parts.map((p) => p.country)).size).toBeGreaterThan(1);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(await verifyRollups(store.db)).toEqual([]);
    } finally {
      await store.dispose();
    }
  });
});
