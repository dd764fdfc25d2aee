import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  assertPasswordPolicy,
  generatePassword,
  hashPassword,
  needsRehash,
  passwordProblems,
  spendVerification,
  verifyPassword,
} from './password.ts';

describe('password hashing', () => {
  it('hashes with argon2id at the documented cost, salted, never keeping the password', async () => {
    const password = 'Steppe-Caravan-2026';
    const first = await hashPassword(password);
    const second = await hashPassword(password);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toContain(password);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, password)).toBe(true);
    expect(await verifyPassword(first, 'Steppe-Caravan-2027')).toBe(false);
  });

  it('treats a stored value that is not a hash as a mismatch', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('matches the composed and decomposed forms of the same password', async () => {
    const composed = 'Café-au-lait-2026';
    const stored = await hashPassword(composed);
    expect(await verifyPassword(stored, composed.normalize('NFD'))).toBe(true);
  });

  it('asks for a rehash only of hashes made with other settings', async () => {
    expect(needsRehash(await hashPassword('Steppe-Caravan-2026'))).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('spends about as long on an unknown user as on a wrong password', async () => {
    const stored = await hashPassword('Steppe-Caravan-2026');
    const elapsed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    // Interleaved, and the fastest of each: other load on the machine only ever adds time.
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 7; i++) {
      real.push(await elapsed(() => verifyPassword(stored, 'wrong-password-1')));
      dummy.push(await elapsed(() => spendVerification('wrong-password-1')));
    }
    const ratio = Math.min(...dummy) / Math.min(...real);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('the password policy', () => {
  it('accepts a long mixed password', () => {
    expect(passwordProblems('Steppe-Caravan-2026')).toEqual([]);
    expect(() => assertPasswordPolicy('Steppe-Caravan-2026')).not.toThrow();
  });

  it.each([
    ['Short-1', 'at least 12 characters'],
    ['onlylowercaseletters', 'a mix of at least two'],
    ['123456789012', 'a mix of at least two'],
    ['abababababab1', 'at least 5 different characters'],
  ])('refuses %s', (password, problem) => {
    expect(passwordProblems(password).join('; ')).toContain(problem);
  });

  it('refuses a password made of the user’s name or email', () => {
    const context = { email: 'aigerim.n@carecprogram.org', name: 'Aigerim Nurlanova' };
    expect(passwordProblems('Nurlanova-2026!', context)).toContain(
      'not your name or email address',
    );
    expect(passwordProblems('my-aigerim.n-pass', context)).toContain(
      'not your name or email address',
    );
  });

  it('says every problem at once, as a bad request', () => {
    expect(() => assertPasswordPolicy('aaaa')).toThrow(
      /12 characters.*two of.*different characters/,
    );
    expect(() => assertPasswordPolicy('aaaa')).toThrow(AppError);
  });
});

describe('generated passwords', () => {
  it('are readable groups that meet the policy and do not repeat', () => {
    const passwords = Array.from({ length: 200 }, generatePassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[2-9a-km-zA-HJ-NP-Z]{5}(-[2-9a-km-zA-HJ-NP-Z]{5}){3}$/);
      expect(password).not.toMatch(/[01oilOI]/);
      expect(passwordProblems(password)).toEqual([]);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
