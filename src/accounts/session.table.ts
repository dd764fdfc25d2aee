export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SessionTables {
  user_session: UserSessionTable;
}
