import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Actor } from './access.ts';

/** What a service records about one change; appendAudit adds the time, place in chain and hash. */
export interface AuditEntry {
  /** A user id or email, `cli:<os user>`, or `system`. */
  actor: string;
  /** `domain.verb`, e.g. `activity.import`, `proposal.submit`. */
  action: string;
  targetType: string;
  targetId: string;
  /** Any JSON-serialisable value; undefined or null when there is no before (or after). */
  before?: unknown;
  after?: unknown;
  /** The client's IP address, or `cli`. */
  origin: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  origin: string;
  prevHash: string;
  hash: string;
  /**
   * Why `before` and `after` are left out for this reader (see AuditView), when they are: the
   * entry is on a proposal the reader may not see, or is a score before the scores are complete.
   */
  withheld?: 'proposal' | 'scores';
}

/**
 * What of the newest entries a reader may see: other domains' rules (the facility hides drafts
 * and incomplete scores) applied to the trail, which keeps every entry's place and hash.
 */
export type AuditView = (
  db: Db,
  request: { actor: Actor; ip: string },
  entries: AuditRecord[],
) => Promise<AuditRecord[]>;

export type AuditVerification =
  | { ok: true; entries: number }
  /** `entries` counts the intact entries before `firstBadId`. */
  | { ok: false; entries: number; firstBadId: number; reason: string };

export const AuditListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
