import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marker, newActivity, storeTestActivities } from '../src/climate/climate.test-support.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { signedIn, type Session } from './support/http.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const CSV = `iati_identifier,component,component_percent,mitigation_percent,adaptation_percent,dual_percent,source,assessed_on
WIND,Turbines,80,90,0,0,Bank annex,2024-04-30
WIND,Access road,20,0,30,0,Bank annex,2024-04-30
GHOST,,,10,0,0,Bank annex,2024-04-30
`;

for (const dialect of DIALECTS) {
  describe(`climate finance over HTTP on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let analyst: Session;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      await storeTestActivities(store.db, [
        newActivity('WIND', { policyMarkers: [marker('6', '2')] }),
        newActivity('FLOOD', { policyMarkers: [marker('10', '1')] }),
      ]);
      app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
      analyst = await signedIn(app, store.db, 'analyst@example.org', [{ role: 'secretariat' }]);
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    it('imports shares from a CSV upload and reports each activity', async () => {
      const result = await analyst.expect<{
        activities: { iatiIdentifier: string; outcome: string }[];
      }>(200, 'POST', '/api/climate/shares.csv?name=annex.csv', CSV, {
        'content-type': 'text/csv',
      });
      expect(result.activities.map((a) => [a.iatiIdentifier, a.outcome])).toEqual([
        ['WIND', 'recorded'],
        ['GHOST', 'rejected'],
      ]);
      // 80% × 90% mitigation + 20% × 30% adaptation of 1,000 = 720 + 60.
      const answer = (await app.inject({ url: '/api/climate' })).json<{
        total: { markers: { climate: string; drr: string }; components: { climate: string } };
      }>();
      expect(answer.total.components.climate).toBe('780.00');
      // WIND principal mitigation 1,000; FLOOD significant disaster-risk reduction 40% of 1,000.
      expect(answer.total.markers).toMatchObject({ climate: '1400.00', drr: '400.00' });
    });

    it('records an activity’s shares with PUT and names a wrong field in the error', async () => {
      const created = await analyst.request('PUT', '/api/climate/shares/FLOOD', {
        source: 'Secretariat estimate',
        assessedOn: '2024-05-01',
        components: [{ mitigationPercent: '0', adaptationPercent: '55.5' }],
      });
      expect(created.statusCode, created.body).toBe(201);
      const bad = await analyst.request('PUT', '/api/climate/shares/FLOOD', {
        source: 'x',
        assessedOn: '2024-05-01',
        components: [{ mitigationPercent: '0', adaptationPercent: '55.555' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { message: string } }>().error.message).toMatch(
        /^components\.0\.adaptationPercent: "55\.555" is not a percentage/,
      );
      const coefficients = await app.inject({ url: '/api/climate?principal=lots' });
      expect(coefficients.statusCode).toBe(400);
      expect(coefficients.json<{ error: { message: string } }>().error.message).toMatch(
        /principal/,
      );
      const removed = await analyst.request('DELETE', '/api/climate/shares/FLOOD');
      expect(removed.statusCode).toBe(204);
      expect((await app.inject({ url: '/api/climate/shares/FLOOD' })).statusCode).toBe(404);
    });
  });
}
