import type { RoleGrant } from './role.model.ts';

/** What sign-in and `GET /api/session` answer: who is signed in and their CSRF token. */
export interface SessionAnswer {
  user: { email: string; name: string; grants: RoleGrant[] } | null;
  csrfToken: string | null;
}
