import { Command, Option } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../test/support/stores.ts';
import { registerUserCommands } from '../cli/user.ts';
import { verifyLogin } from './user.service.ts';
import { newUsersTestStore, type UsersTestStore } from './user.test-store.ts';

/** Runs `caravan user …` in this process (main.ts registers the commands the same way). */
async function caravan(store: UsersTestStore, ...args: string[]): Promise<string> {
  const program = new Command('caravan')
    .exitOverride()
    .addOption(new Option('--database-url <url>'));
  registerUserCommands(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
  try {
    await program.parseAsync(['--database-url', store.url, 'user', ...args], { from: 'user' });
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

function shownPassword(output: string): string {
  return /password \(shown once\): (\S+)/.exec(output)?.[1] ?? '';
}

for (const dialect of DIALECTS) {
  describe(`caravan user on ${dialect}`, () => {
    let store: UsersTestStore;
    beforeEach(async () => {
      store = await newUsersTestStore(dialect);
    });
    afterEach(async () => {
      vi.unstubAllEnvs();
      await store.dispose();
    });

    it('adds a user with repeated --role flags and prints a generated password once', async () => {
      const output = await caravan(
        store,
        'add',
        'Aigerim@Example.KZ',
        '--name',
        'Aigerim Nurlanova',
        '--role',
        'focal_point:KZ',
        '--role',
        'reviewer:UZ',
      );
      expect(output).toContain(
        'added aigerim@example.kz (Aigerim Nurlanova): focal_point:KZ, reviewer:UZ',
      );
      await verifyLogin(store.users, 'aigerim@example.kz', shownPassword(output));
    });

    it('takes the password and roles from the environment', async () => {
      vi.stubEnv('CARAVAN_PASSWORD', 'Steppe-Caravan-2026');
      vi.stubEnv('CARAVAN_USER_ROLES', 'admin partner_officer:46004');
      const output = await caravan(store, 'add', 'admin@example.org', '--name', 'First Admin');
      expect(output).toContain('admin, partner_officer:XM-DAC-46004');
      expect(output).not.toContain('password');
      await verifyLogin(store.users, 'admin@example.org', 'Steppe-Caravan-2026');
    });

    it('refuses a focal point for a non-member country', async () => {
      await expect(
        caravan(store, 'add', 'x@example.org', '--name', 'X', '--role', 'focal_point:JP'),
      ).rejects.toThrow(/JP is not a CAREC member/);
    });

    it('lists, disables and resets', async () => {
      await caravan(store, 'add', 'a@example.org', '--name', 'A', '--role', 'committee');
      expect(await caravan(store, 'list')).toMatch(/a@example\.org\s+active\s+A\s+committee/);

      expect(await caravan(store, 'disable', 'a@example.org', '--dry-run')).toContain(
        'would disable',
      );
      expect(await caravan(store, 'list')).toMatch(/active/);
      await caravan(store, 'disable', 'a@example.org');
      const listed = JSON.parse(await caravan(store, 'list', '--json')) as { status: string }[];
      expect(listed).toMatchObject([{ email: 'a@example.org', status: 'disabled' }]);

      const reset = await caravan(store, 'reset', 'a@example.org');
      expect(shownPassword(reset)).toMatch(/^\S{23}$/);
      await expect(caravan(store, 'reset', 'nobody@example.org')).rejects.toThrow(/no user/);
    });
  });
}
