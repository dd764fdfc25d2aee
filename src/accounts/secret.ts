import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to clients (session cookies, API tokens, reset links) are random and are
 * stored only as their SHA-256, so a copy of the database yields nothing usable.
 */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
