import { newTestStore, type TestStore } from '../../test/support/stores.ts';

/** A migrated test store: the audit table is part of every store. */
export function newAuditStore(dialect: TestStore['dialect']): Promise<TestStore> {
  return newTestStore(dialect);
}
