import { Option, type Command } from 'commander';
import { formatGrant, parseRoleSpecs } from '../accounts/role.spec.ts';
import { isLocked } from '../accounts/user.lockout.ts';
import type { User } from '../accounts/user.model.ts';
import {
  addUser,
  disableUser,
  getUser,
  listUsers,
  resetPassword,
} from '../accounts/user.service.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import { deleteUserSessions } from '../accounts/session.service.ts';
import type { Db } from '../db/database.ts';
import { cliActor } from './audit.ts';
import { withStore } from './context.ts';

/** Records a change to a user in the audit trail, inside the change's own transaction. */
function audited(db: Db, action: string, email: string, before: unknown, after: unknown) {
  return appendAudit(db, {
    actor: cliActor(),
    action,
    targetType: 'user',
    targetId: email,
    before,
    after,
    origin: 'cli',
  });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function describeUser(user: User): string {
  return `${user.email} (${user.name}): ${user.grants.map(formatGrant).join(', ')}`;
}

function statusOf(user: User, now: Date): string {
  if (user.status === 'disabled') return 'disabled';
  return isLocked(user.lockedUntil, now) ? `locked until ${user.lockedUntil}` : 'active';
}

// Printed once; nothing keeps it, so whoever runs the command passes it on.
function showPassword(password: string): void {
  console.log(`password (shown once): ${password}`);
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('user accounts and their roles');

  user
    .command('add')
    .description('add a user; without --password one is generated and printed once')
    .argument('<email>', 'sign-in email (stored lower-case)')
    .addOption(
      new Option('--name <name>', 'full name').env('CARAVAN_USER_NAME').makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--role <role[:scope]>',
        'repeatable: admin, secretariat, committee, focal_point:KZ[,UZ…], ' +
          'partner_officer:ORG_REF, reviewer:COUNTRY[,ORG_REF]',
      )
        .env('CARAVAN_USER_ROLES')
        .argParser(collect)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--password <password>',
        'initial password, else one is generated (the variable keeps it out of ps and shell history)',
      ).env('CARAVAN_PASSWORD'),
    )
    .action(
      (
        email: string,
        flags: { name: string; role: string[]; password?: string },
        command: Command,
      ) =>
        withStore(command, async (store) => {
          const added = await store.db.transaction().execute(async (trx) => {
            const result = await addUser(trx, {
              email,
              name: flags.name,
              password: flags.password,
              // CARAVAN_USER_ROLES holds several specs separated by spaces.
              grants: flags.role.flatMap(parseRoleSpecs),
            });
            await audited(trx, 'user.add', result.user.email, null, result.user);
            return result;
          });
          console.log(`added ${describeUser(added.user)}`);
          if (added.password !== undefined) showPassword(added.password);
        }),
    );

  user
    .command('list')
    .description('list users, their status and roles')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }, command: Command) =>
      withStore(command, async (store) => {
        const users = await listUsers(store.db);
        if (flags.json) {
          console.log(JSON.stringify(users, null, 2));
          return;
        }
        const now = new Date();
        for (const u of users) {
          console.log(
            `${u.email.padEnd(32)} ${statusOf(u, now).padEnd(10)} ${u.name.padEnd(24)} ` +
              u.grants.map(formatGrant).join(' '),
          );
        }
        if (users.length === 0) console.log('no users yet: add one with `caravan user add`');
      }),
    );

  user
    .command('disable')
    .description('refuse sign-in to a user from now on (the user and its history stay)')
    .argument('<email>')
    .option('--dry-run', 'say what would change without changing it')
    .action((email: string, flags: { dryRun?: boolean }, command: Command) =>
      withStore(command, async (store) => {
        if (flags.dryRun) {
          console.log(`would disable ${describeUser(await getUser(store.db, email))} (dry run)`);
          return;
        }
        const disabled = await store.db.transaction().execute(async (trx) => {
          const before = await getUser(trx, email);
          const after = await disableUser(trx, email);
          await deleteUserSessions(trx, after.id);
          await audited(trx, 'user.disable', after.email, before, after);
          return after;
        });
        console.log(`disabled ${describeUser(disabled)}`);
      }),
    );

  user
    .command('reset')
    .description('give a user a new random password, printed once, and lift any lock')
    .argument('<email>')
    .option('--dry-run', 'say what would change without changing it')
    .action((email: string, flags: { dryRun?: boolean }, command: Command) =>
      withStore(command, async (store) => {
        if (flags.dryRun) {
          console.log(
            `would reset the password of ${(await getUser(store.db, email)).email} (dry run)`,
          );
          return;
        }
        const reset = await store.db.transaction().execute(async (trx) => {
          const result = await resetPassword(trx, email);
          await deleteUserSessions(trx, result.user.id);
          // The new password is never recorded, only that it changed.
          await audited(trx, 'user.reset-password', result.user.email, null, {
            passwordChanged: true,
          });
          return result;
        });
        console.log(`new password for ${reset.user.email}`);
        showPassword(reset.password);
      }),
    );
}
