import { loadDemoClimateShares } from '../../src/climate/demo.ts';
import { loadDemoFacility } from '../../src/facility/demo.ts';
import { RULES } from '../../src/facility/facility.test-support.ts';
import { loadDemoPortfolio } from '../../src/portfolio/demo.service.ts';
import { syncReferenceData } from '../../src/reference/reference.repository.ts';
import { loadDemoResults } from '../../src/results/demo.ts';
import type { TestStore } from './stores.ts';

/** Everything `caravan demo` loads, but its accounts: portfolio, facility, climate shares, results. */
export async function loadWholeDemo(store: TestStore): Promise<void> {
  await syncReferenceData(store.db);
  await loadDemoPortfolio(store.db);
  await loadDemoFacility(store.db, RULES);
  await loadDemoClimateShares(store.db, 'test');
  await loadDemoResults(store.db, 'test');
}
