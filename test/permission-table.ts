import { ROLES, type Role } from '../src/accounts/role.model.ts';

/**
 * Who may call each route, kept in one place: the permission matrix test calls every route as
 * every role and as an anonymous caller and checks the answer against this table. A route the
 * server has but this table lacks fails the test.
 */
export type Caller = 'anonymous' | Role;

export interface RouteCase {
  /** The request to send; params filled in. */
  url: string;
  body?: string;
  contentType?: string;
  /** Callers who get through (the others: 401 when anonymous, 403 when signed in). */
  allowed: readonly Caller[] | 'everyone';
}

/** Every signed-in role, but not anonymous callers. */
const SIGNED_IN: readonly Caller[] = ROLES;

const UPLOAD = `<?xml version="1.0"?><iati-activities version="2.03"></iati-activities>`;

export const PERMISSION_TABLE: Readonly<Record<string, RouteCase>> = {
  'GET /healthz': { url: '/healthz', allowed: 'everyone' },
  'GET /readyz': { url: '/readyz', allowed: 'everyone' },
  'GET /api/openapi.json': { url: '/api/openapi.json', allowed: 'everyone' },
  'POST /api/session': {
    url: '/api/session',
    body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password 1' }),
    contentType: 'application/json',
    // Anyone may try to sign in; wrong credentials are a 401 of their own, checked elsewhere.
    allowed: 'everyone',
  },
  'GET /api/session': { url: '/api/session', allowed: 'everyone' },
  'DELETE /api/session': { url: '/api/session', allowed: 'everyone' },
  'GET /api/audit': { url: '/api/audit', allowed: ['admin', 'secretariat'] },
  'POST /api/session/password': {
    url: '/api/session/password',
    body: JSON.stringify({ current: 'not the password', next: 'Another long password 9' }),
    contentType: 'application/json',
    // Signed-in callers get through to a 400: the current password is wrong.
    allowed: SIGNED_IN,
  },
  'POST /api/users/:email/reset-link': {
    url: '/api/users/nobody%40example.org/reset-link',
    allowed: ['admin'],
  },
  'GET /api/users': { url: '/api/users', allowed: ['admin'] },
  'POST /api/users': {
    url: '/api/users',
    // An invalid grant: allowed callers get through to a 400 and nothing is stored.
    body: JSON.stringify({ email: 'new@example.org', name: 'New', grants: [{ role: 'emperor' }] }),
    contentType: 'application/json',
    allowed: ['admin'],
  },
  'POST /api/users/:email/disable': {
    url: '/api/users/nobody%40example.org/disable',
    allowed: ['admin'],
  },
  'POST /api/password-reset': {
    url: '/api/password-reset',
    body: JSON.stringify({ token: 'not-a-reset-token', password: 'Another long password 9' }),
    contentType: 'application/json',
    allowed: 'everyone',
  },
  'POST /api/tokens': {
    url: '/api/tokens',
    body: JSON.stringify({ name: 'matrix', permissions: ['iati.import'] }),
    contentType: 'application/json',
    // Roles without iati.import get through to a 400: their scope is checked, not refused.
    allowed: SIGNED_IN,
  },
  'GET /api/tokens': { url: '/api/tokens', allowed: SIGNED_IN },
  'DELETE /api/tokens/:id': { url: '/api/tokens/999999', allowed: SIGNED_IN },
  'POST /api/imports': {
    url: '/api/imports?dryRun=true',
    body: UPLOAD,
    contentType: 'application/xml',
    allowed: ['admin', 'secretariat', 'partner_officer'],
  },
  'GET /api/transactions.csv': { url: '/api/transactions.csv', allowed: 'everyone' },
  'GET /api/transactions.xlsx': { url: '/api/transactions.xlsx', allowed: 'everyone' },
  'GET /api/activities.xml': { url: '/api/activities.xml', allowed: 'everyone' },
  'GET /api/activities': { url: '/api/activities', allowed: 'everyone' },
  'GET /api/activities.csv': { url: '/api/activities.csv?country=KZ', allowed: 'everyone' },
  'GET /api/activities.xlsx': { url: '/api/activities.xlsx?country=KZ', allowed: 'everyone' },
  'GET /api/activities/:id': { url: '/api/activities/NONE', allowed: 'everyone' },
  'GET /api/quality': { url: '/api/quality', allowed: 'everyone' },
  'GET /api/overview': { url: '/api/overview', allowed: 'everyone' },
  'GET /api/aggregate': { url: '/api/aggregate?by=country', allowed: 'everyone' },
  'GET /api/countries/:iso': { url: '/api/countries/KZ', allowed: 'everyone' },
  'GET /api/partners/:ref': { url: '/api/partners/46004', allowed: 'everyone' },
  'GET /api/clusters/:code': { url: '/api/clusters/3', allowed: 'everyone' },
  'GET /api/corridors/:n': { url: '/api/corridors/2', allowed: 'everyone' },
  // The web application's files, and its page for every other path outside /api.
  'GET /*': { url: '/explore', allowed: 'everyone' },
};
