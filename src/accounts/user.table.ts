import type { Generated } from 'kysely';

export type UserStatus = 'active' | 'disabled';

export interface AppUserTable {
  id: Generated<number>;
  /** Lower-cased, so uniqueness ignores case. */
  email: string;
  name: string;
  /** argon2id, PHC string form. */
  password_hash: string;
  status: Generated<UserStatus>;
  /** Consecutive failed sign-ins; reset by a successful one or a password reset. */
  failed_logins: Generated<number>;
  /** ISO timestamp; sign-in is refused before it. */
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
}

export interface RoleGrantTable {
  user_id: number;
  role: string;
  country: string | null;
  organisation: string | null;
}

export interface UserTables {
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
}
