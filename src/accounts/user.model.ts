import { AppError } from '../errors.ts';
import type { RoleGrant } from './role.model.ts';
import type { UserStatus } from './user.table.ts';

/** A user as services return it: never the password hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  status: UserStatus;
  grants: RoleGrant[];
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

/** The form emails are stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

// Deliverability is the mail server's business; this only catches slips like a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

export function validEmail(email: string): string {
  const normal = normaliseEmail(email);
  if (!EMAIL.test(normal) || normal.length > MAX_EMAIL_LENGTH) {
    throw new AppError('bad_request', `not an email address: ${JSON.stringify(email)}`);
  }
  return normal;
}

export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError('bad_request', 'a user needs a name');
  return trimmed;
}
