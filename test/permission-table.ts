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
  'GET /metrics': { url: '/metrics', allowed: 'everyone' },
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
  'GET /api/activities/:id/curation': {
    url: '/api/activities/NONE/curation',
    allowed: ['secretariat'],
  },
  'PUT /api/activities/:id/curation': {
    url: '/api/activities/NONE/curation',
    // No such activity: the secretariat gets through to a 404 and nothing is stored.
    body: JSON.stringify({ cluster: 3, corridors: [1] }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'GET /api/quality': { url: '/api/quality', allowed: 'everyone' },
  'GET /api/overview': { url: '/api/overview', allowed: 'everyone' },
  'GET /api/aggregate': { url: '/api/aggregate?by=country', allowed: 'everyone' },
  'GET /api/countries/:iso': { url: '/api/countries/KZ', allowed: 'everyone' },
  'GET /api/partners/:ref': { url: '/api/partners/46004', allowed: 'everyone' },
  'GET /api/clusters/:code': { url: '/api/clusters/3', allowed: 'everyone' },
  'GET /api/corridors/:n': { url: '/api/corridors/2', allowed: 'everyone' },
  'GET /api/facility/statement': { url: '/api/facility/statement', allowed: 'everyone' },
  'GET /api/facility/pipeline': { url: '/api/facility/pipeline', allowed: 'everyone' },
  'GET /api/facility/outcomes': { url: '/api/facility/outcomes', allowed: 'everyone' },
  'GET /api/facility/rules': { url: '/api/facility/rules', allowed: 'everyone' },
  'GET /api/facility/ledger': { url: '/api/facility/ledger', allowed: SIGNED_IN },
  'POST /api/facility/ledger': {
    url: '/api/facility/ledger',
    // An unknown contributor: the secretariat gets through to a 400 and nothing is recorded.
    body: JSON.stringify({
      type: 'pledge',
      contributor: 'nobody',
      amount: '1',
      currency: 'USD',
      valueDate: '2025-01-01',
    }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'GET /api/facility/proposals': { url: '/api/facility/proposals', allowed: SIGNED_IN },
  'POST /api/facility/proposals': {
    url: '/api/facility/proposals',
    body: JSON.stringify({ content: { title: {} } }),
    contentType: 'application/json',
    allowed: ['focal_point'],
  },
  'GET /api/facility/proposals/:id': { url: '/api/facility/proposals/999999', allowed: SIGNED_IN },
  'PUT /api/facility/proposals/:id': {
    url: '/api/facility/proposals/999999',
    body: JSON.stringify({ title: { en: 'x' }, countries: ['KZ'] }),
    contentType: 'application/json',
    allowed: ['focal_point'],
  },
  'POST /api/facility/proposals/:id/transitions': {
    url: '/api/facility/proposals/999999/transitions',
    body: JSON.stringify({ action: 'submit' }),
    contentType: 'application/json',
    // Every facility role reaches the action's own check (here: no such proposal, 404).
    allowed: SIGNED_IN,
  },
  'POST /api/facility/proposals/:id/endorsements': {
    url: '/api/facility/proposals/999999/endorsements',
    body: '{}',
    contentType: 'application/json',
    allowed: ['focal_point'],
  },
  'POST /api/facility/proposals/:id/documents': {
    url: '/api/facility/proposals/999999/documents?kind=concept_note&filename=note.pdf',
    body: '%PDF-1.4 not really',
    contentType: 'application/pdf',
    allowed: ['focal_point'],
  },
  'GET /api/facility/proposals/:id/documents/:documentId': {
    url: '/api/facility/proposals/999999/documents/1',
    allowed: SIGNED_IN,
  },
  'POST /api/facility/proposals/:id/screening': {
    url: '/api/facility/proposals/999999/screening',
    allowed: ['secretariat'],
  },
  'POST /api/facility/proposals/:id/screening/overrides': {
    url: '/api/facility/proposals/999999/screening/overrides',
    body: JSON.stringify({ rule: 'regional', verdict: 'pass', reason: 'a reason long enough' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'POST /api/facility/proposals/:id/scores': {
    url: '/api/facility/proposals/999999/scores',
    body: JSON.stringify({ scores: {} }),
    contentType: 'application/json',
    allowed: ['reviewer'],
  },
  'GET /api/facility/ranking': { url: '/api/facility/ranking', allowed: SIGNED_IN },
  'GET /api/facility/reviews': { url: '/api/facility/reviews', allowed: ['reviewer'] },
  'POST /api/facility/proposals/:id/milestones': {
    url: '/api/facility/proposals/999999/milestones',
    body: JSON.stringify({ title: 'Study', dueOn: '2026-01-01', amountUsd: '100' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'POST /api/facility/milestones/:id/met': {
    url: '/api/facility/milestones/999999/met',
    body: JSON.stringify({ deliverable: 'report' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'POST /api/facility/milestones/:id/disbursements': {
    url: '/api/facility/milestones/999999/disbursements',
    body: JSON.stringify({ amountUsd: '100', valueDate: '2026-01-01' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'POST /api/facility/proposals/:id/financing': {
    url: '/api/facility/proposals/999999/financing',
    body: JSON.stringify({ iatiIdentifier: 'XM-DAC-46004-1' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'GET /api/facility/meetings': { url: '/api/facility/meetings', allowed: SIGNED_IN },
  'POST /api/facility/meetings': {
    url: '/api/facility/meetings',
    body: JSON.stringify({ title: '', heldOn: '2026-01-01' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'GET /api/facility/meetings/:id': { url: '/api/facility/meetings/999999', allowed: SIGNED_IN },
  'POST /api/facility/meetings/:id/agenda': {
    url: '/api/facility/meetings/999999/agenda',
    body: JSON.stringify({ proposal: '1' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'POST /api/facility/meetings/:id/votes': {
    url: '/api/facility/meetings/999999/votes',
    body: JSON.stringify({ proposal: '1', vote: 'approve' }),
    contentType: 'application/json',
    allowed: ['committee'],
  },
  'POST /api/facility/meetings/:id/decisions': {
    url: '/api/facility/meetings/999999/decisions',
    body: JSON.stringify({ proposal: '1', decision: 'defer', rationale: 'more study' }),
    contentType: 'application/json',
    allowed: ['committee'],
  },
  'GET /api/climate': { url: '/api/climate?by=country', allowed: 'everyone' },
  'GET /api/climate/pipeline': { url: '/api/climate/pipeline', allowed: 'everyone' },
  'GET /api/climate/shares': { url: '/api/climate/shares', allowed: 'everyone' },
  // Anyone may ask; an activity without shares is a 404 of its own.
  'GET /api/climate/shares/:id': { url: '/api/climate/shares/NONE', allowed: 'everyone' },
  'PUT /api/climate/shares/:id': {
    url: '/api/climate/shares/NONE',
    // No such activity: the secretariat gets through to a 404 and nothing is stored.
    body: JSON.stringify({
      source: 'matrix',
      assessedOn: '2025-01-01',
      components: [{ mitigationPercent: '10', adaptationPercent: '0' }],
    }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'DELETE /api/climate/shares/:id': { url: '/api/climate/shares/NONE', allowed: ['secretariat'] },
  'POST /api/climate/shares.csv': {
    url: '/api/climate/shares.csv?dryRun=true',
    // A wrong header: the secretariat gets through to a 400.
    body: 'not,a,shares,file\n',
    contentType: 'text/csv',
    allowed: ['secretariat'],
  },
  'GET /api/results/indicators': { url: '/api/results/indicators', allowed: 'everyone' },
  'PUT /api/results/indicators/:code': {
    url: '/api/results/indicators/MATRIX',
    // An incomplete definition: the secretariat gets through to a 400.
    body: JSON.stringify({ name: { en: 'Matrix' } }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'GET /api/results/values': { url: '/api/results/values', allowed: 'everyone' },
  'POST /api/results/values': {
    url: '/api/results/values',
    // No such indicator: the secretariat gets through to a 404.
    body: JSON.stringify({
      indicator: 'NONE',
      country: 'KZ',
      year: 2024,
      kind: 'actual',
      value: '1',
    }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  'DELETE /api/results/values/:code/:country/:year/:kind': {
    url: '/api/results/values/NONE/KZ/2024/actual',
    allowed: ['secretariat'],
  },
  'GET /api/results/scorecard': { url: '/api/results/scorecard?year=2024', allowed: 'everyone' },
  'GET /api/results/years': { url: '/api/results/years', allowed: 'everyone' },
  'GET /api/conferences': { url: '/api/conferences', allowed: 'everyone' },
  'GET /api/conferences/:number': { url: '/api/conferences/23', allowed: 'everyone' },
  'GET /api/reports/ministerial': {
    url: '/api/reports/ministerial?year=2024&format=json',
    allowed: 'everyone',
  },
  'GET /api/reports/ministerial/years': {
    url: '/api/reports/ministerial/years',
    allowed: 'everyone',
  },
  'POST /api/reports/ministerial/snapshots': {
    url: '/api/reports/ministerial/snapshots',
    // A day that has not ended: the secretariat gets through to a 200 and nothing is frozen.
    body: JSON.stringify({ year: 2100, asOf: '2100-12-31' }),
    contentType: 'application/json',
    allowed: ['secretariat'],
  },
  // The web application's files, and its page for every other path outside /api.
  'GET /*': { url: '/explore', allowed: 'everyone' },
};
