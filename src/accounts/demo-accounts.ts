import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { GrantInput } from './role.model.ts';
import { findUserRow } from './user.repository.ts';
import { addUser } from './user.service.ts';

/** Demo accounts live under a reserved domain (RFC 2606), so they can never be real addresses. */
export const DEMO_DOMAIN = 'demo.caravan.example';

const DEMO_USERS: readonly { local: string; name: string; grants: GrantInput[] }[] = [
  { local: 'admin', name: 'Demo Administrator', grants: [{ role: 'admin' }] },
  { local: 'analyst', name: 'Demo Secretariat Analyst', grants: [{ role: 'secretariat' }] },
  {
    local: 'focal.kz',
    name: 'Demo Focal Point, Kazakhstan',
    grants: [{ role: 'focal_point', country: 'KZ' }],
  },
  {
    local: 'focal.uz',
    name: 'Demo Focal Point, Uzbekistan',
    grants: [{ role: 'focal_point', country: 'UZ' }],
  },
  {
    local: 'partner.adb',
    name: 'Demo Partner Officer, ADB',
    grants: [{ role: 'partner_officer', organisation: 'XM-DAC-46004' }],
  },
  {
    local: 'reviewer.ge',
    name: 'Demo Reviewer, Georgia',
    grants: [{ role: 'reviewer', country: 'GE' }],
  },
  {
    local: 'reviewer.mn',
    name: 'Demo Reviewer, Mongolia',
    grants: [{ role: 'reviewer', country: 'MN' }],
  },
  {
    local: 'reviewer.pk',
    name: 'Demo Reviewer, Pakistan',
    grants: [{ role: 'reviewer', country: 'PK' }],
  },
  { local: 'committee.1', name: 'Demo Committee Member 1', grants: [{ role: 'committee' }] },
  { local: 'committee.2', name: 'Demo Committee Member 2', grants: [{ role: 'committee' }] },
  { local: 'committee.3', name: 'Demo Committee Member 3', grants: [{ role: 'committee' }] },
];

export interface DemoAccount {
  email: string;
  role: string;
  /** Shown once, when the account is created with a generated password. */
  password: string | null;
  created: boolean;
}

/**
 * A demo installation is one whose data is all demo data: no imported activity, no user outside
 * the demo domain. Demo accounts with known passwords must never appear anywhere else.
 */
async function assertDemoInstallation(db: Db): Promise<void> {
  const { rows } = await sql<{ activities: number | string; users: number | string }>`
    select (select count(*) from activity where is_demo = 0) as activities,
           (select count(*) from app_user where email not like ${`%@${DEMO_DOMAIN}`}) as users`.execute(
    db,
  );
  const row = rows[0];
  if (row && (Number(row.activities) > 0 || Number(row.users) > 0)) {
    throw new AppError(
      'conflict',
      'This installation holds real data or users: demo accounts are only added to a demo installation',
    );
  }
}

/** One user per role, as the demo needs them; existing demo accounts are left as they are. */
export async function loadDemoAccounts(db: Db, password?: string): Promise<DemoAccount[]> {
  await assertDemoInstallation(db);
  const accounts: DemoAccount[] = [];
  for (const demo of DEMO_USERS) {
    const email = `${demo.local}@${DEMO_DOMAIN}`;
    const role = demo.grants
      .map((g) => [g.role, g.country ?? g.organisation].filter(Boolean).join(':'))
      .join(' ');
    if (await findUserRow(db, email)) {
      accounts.push({ email, role, password: null, created: false });
      continue;
    }
    const added = await addUser(db, { email, name: demo.name, password, grants: demo.grants });
    accounts.push({ email, role, password: added.password ?? null, created: true });
  }
  return accounts;
}
