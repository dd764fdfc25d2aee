import type { Generated } from 'kysely';

/** An API token of a machine client; the token itself is never stored, only its SHA-256. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  /** The owner's label, e.g. "ADB nightly IATI push". */
  name: string;
  /** sha256 (hex) of the whole token. */
  token_hash: string;
  /** The token's first characters, so its owner can tell which one a list entry is. */
  prefix: string;
  /** JSON array of Permission: the token may do these and nothing more. */
  permissions: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export interface TokenTables {
  api_token: ApiTokenTable;
}
