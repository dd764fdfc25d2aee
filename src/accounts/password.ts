/**
 * Password hashing, checking and generation.
 *
 * Hashes are argon2id in PHC string form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so each
 * carries its own salt and cost and old hashes keep verifying after the cost is raised.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

// The package declares Algorithm as an ambient const enum, which erasable TypeScript cannot
// read at run time; 2 is its Argon2id member (also the package's default).
const ARGON2ID = 2 as Algorithm.Argon2id;

/**
 * OWASP's argon2id baseline (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. About
 * 50 ms per hash on a server core, slow enough to make offline guessing costly yet cheap enough
 * that sign-in bursts do not exhaust memory (each concurrent sign-in holds 19 MiB).
 */
export const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

const CURRENT_PARAMS = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const MIN_DISTINCT_CHARACTERS = 5;

// The same password typed on different keyboards can arrive composed or decomposed; NIST
// SP 800-63B asks for Unicode normalisation before hashing so both forms match.
function normalise(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored value that is not a valid hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalise(password));
  } catch {
    return false;
  }
}

/** True when the hash was made with other settings than today's, so sign-in should redo it. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_PARAMS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Does the work of one verification against a hash no password matches, so that a sign-in
 * with an unknown email takes as long as one with a wrong password.
 */
export async function spendVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  await verifyPassword(await dummyHash, password);
}

export interface PasswordContext {
  email?: string;
  name?: string;
}

const CHARACTER_CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** What is wrong with a new password; empty when it may be used. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const characters = [...password];
  const problems: string[] = [];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    problems.push(`at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    problems.push(`at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (CHARACTER_CLASSES.filter((c) => c.test(password)).length < 2) {
    problems.push('a mix of at least two of: lower-case, upper-case, digits, other characters');
  }
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) {
    problems.push(`at least ${MIN_DISTINCT_CHARACTERS} different characters`);
  }
  const lower = password.toLowerCase();
  const personal = [
    context.email?.split('@')[0],
    ...(context.name?.split(/[\s.'-]+/) ?? []),
  ].filter((word): word is string => word !== undefined && word.length >= 4);
  if (personal.some((word) => lower.includes(word.toLowerCase()))) {
    problems.push('not your name or email address');
  }
  return problems;
}

export function assertPasswordPolicy(password: string, context: PasswordContext = {}): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) {
    throw new AppError('bad_request', `The password needs ${problems.join('; ')}`, { problems });
  }
}

// No 0/O/o, 1/l/I/i: a generated password is read off a screen and typed in once.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A random password like `k7mQx-3vTnd-Rw8pa-Yc4Hs`: 20 characters from 55 (about 115 bits),
 * in groups so it can be read out. Always meets the policy.
 */
export function generatePassword(): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    if (passwordProblems(password).length === 0) return password;
  }
}
