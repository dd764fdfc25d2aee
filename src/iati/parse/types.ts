import type { ActivityInput } from '../../portfolio/activity.model.ts';

/** One iati-activity element: mapped and valid, or rejected with every reason. */
export type ParsedActivity =
  | { ok: true; activity: ActivityInput; line: number; identifier: string; warnings: string[] }
  | { ok: false; identifier: string | null; line: number; errors: string[] };

export interface ParseSummary {
  /** The root's @version (or the lone activity's), as published. */
  version: string | null;
  /** True when some activity was read as IATI 1.0x, on a best-effort mapping. */
  legacy: boolean;
  activities: number;
  bytes: number;
}
