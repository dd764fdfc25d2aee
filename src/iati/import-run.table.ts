import type { Generated } from 'kysely';

export interface ImportRunTable {
  id: Generated<number>;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'completed' | 'failed';
  activities: Generated<number>;
  imported: Generated<number>;
  unchanged: Generated<number>;
  replaced: Generated<number>;
  rejected: Generated<number>;
  message: string | null;
}

export interface IatiTables {
  import_run: ImportRunTable;
}
