import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { DEMO_DOMAIN, loadDemoAccounts } from './demo-accounts.ts';
import { addUser, listUsers, verifyLogin } from './user.service.ts';

const PASSWORD = 'Silk road 2030 steppe';

for (const dialect of DIALECTS) {
  describe(`demo accounts on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
    });
    afterEach(() => store.dispose());

    it('adds one user per role once, and they can sign in', async () => {
      const first = await loadDemoAccounts(store.db, PASSWORD);
      expect(first).toHaveLength(11);
      expect(first.every((a) => a.created && a.email.endsWith(`@${DEMO_DOMAIN}`))).toBe(true);
      const roles = (await listUsers(store.db)).flatMap((u) => u.grants.map((g) => g.role));
      for (const role of [
        'admin',
        'secretariat',
        'focal_point',
        'partner_officer',
        'reviewer',
        'committee',
      ]) {
        expect(roles).toContain(role);
      }
      expect(roles.filter((r) => r === 'reviewer')).toHaveLength(3);
      expect(roles.filter((r) => r === 'committee')).toHaveLength(3);
      await expect(
        verifyLogin(store.db, `focal.kz@${DEMO_DOMAIN}`, PASSWORD),
      ).resolves.toMatchObject({
        grants: [{ role: 'focal_point', country: 'KZ' }],
      });
      const second = await loadDemoAccounts(store.db);
      expect(second.every((a) => !a.created && a.password === null)).toBe(true);
    });

    it('generates a password for each account when none is given', async () => {
      const accounts = await loadDemoAccounts(store.db);
      const passwords = accounts.map((a) => a.password);
      expect(new Set(passwords).size).toBe(11);
      await expect(verifyLogin(store.db, accounts[0]!.email, passwords[0]!)).resolves.toBeTruthy();
    });

    it('is refused in an installation with real users', async () => {
      await addUser(store.db, {
        email: 'someone@ministry.example',
        name: 'Someone',
        password: PASSWORD,
        grants: [{ role: 'admin' }],
      });
      await expect(loadDemoAccounts(store.db, PASSWORD)).rejects.toThrow(
        /only added to a demo installation/,
      );
      expect(await listUsers(store.db)).toHaveLength(1);
    });
  });
}
