// `pontis users`: accounts and API tokens, for administrators at the console.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { openNode } from '../../services/node.ts';
import { createUser, issueApiToken, listApiTokens, listUsers, nodeActor, revokeApiToken, updateUser } from '../../services/access/index.ts';
import { randomSecret } from '../../services/access/secrets.ts';
import { ROLES } from '../../access/actor.ts';
import { UsageError } from '../errors.ts';

interface StoreOpts {
  data: string;
  database?: string;
}

function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'data directory of the embedded store', process.env.PONTIS_DATA ?? './data')
    .option('--database <url>', 'PostgreSQL URL (postgres://…)', process.env.PONTIS_DATABASE_URL);
}

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function checkRoles(roles: string[] | undefined): void {
  if (!roles?.length) throw new UsageError(`give at least one --role (${ROLES.join(', ')})`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new UsageError(`unknown role ${unknown.map((r) => `"${r}"`).join(', ')}; roles are ${ROLES.join(', ')}`);
}

async function withNode<T>(opts: StoreOpts, f: (node: Awaited<ReturnType<typeof openNode>>) => Promise<T>): Promise<T> {
  const node = await openNode({ dataDir: opts.data, databaseUrl: opts.database });
  try {
    return await f(node);
  } finally {
    await node.close();
  }
}

export function register(program: Command): void {
  const users = program.command('users').description('Accounts and API tokens');

  storeOptions(
    users
      .command('create')
      .description('Create an account; without --password-file a random password is generated and printed once')
      .requiredOption('--username <name>', 'login name')
      .requiredOption('--authority <id>', 'authority the account belongs to (must exist on the node)')
      .requiredOption('--role <role>', `role, repeatable or comma-separated: ${ROLES.join(', ')}`, collect)
      .option('--password-file <file>', 'file whose first line is the password')
      .option('--display-name <name>', 'full name shown in the app'),
  ).action(async (o: StoreOpts & { username: string; authority: string; role: string[]; passwordFile?: string; displayName?: string }) => {
    checkRoles(o.role);
    let password: string;
    let generated = false;
    if (o.passwordFile) {
      try {
        password = readFileSync(o.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
      } catch (e) {
        throw new UsageError(`cannot read --password-file ${o.passwordFile}: ${(e as Error).message}`);
      }
    } else {
      password = randomSecret(15);
      generated = true;
    }
    await withNode(o, async (node) => {
      const { id } = await createUser(node, { username: o.username, password, authorityId: o.authority, roles: o.role as never, displayName: o.displayName });
      process.stdout.write(`created user ${o.username.toLowerCase()} (${id}) at ${o.authority} with roles ${o.role.join(', ')}\n`);
      if (generated) process.stdout.write(`password (shown once): ${password}\n`);
    });
  });

  storeOptions(
    users
      .command('token')
      .description('Issue an API token for a system; the token is printed once')
      .requiredOption('--authority <id>', 'authority the token acts for')
      .requiredOption('--role <role>', 'role, repeatable or comma-separated', collect)
      .requiredOption('--label <text>', 'what the token is for (shown in the audit trail)')
      .option('--scope <action>', 'limit the token to these actions (search.run, alert.*), repeatable', collect)
      .option('--expires <date>', 'ISO date after which the token stops working'),
  ).action(async (o: StoreOpts & { authority: string; role: string[]; label: string; scope?: string[]; expires?: string }) => {
    checkRoles(o.role);
    if (o.expires && Number.isNaN(new Date(o.expires).getTime())) throw new UsageError(`--expires must be an ISO date such as 2027-01-31, got "${o.expires}"`);
    await withNode(o, async (node) => {
      const t = await issueApiToken(node, { authorityId: o.authority, roles: o.role as never, label: o.label, scopes: o.scope, expiresAt: o.expires });
      process.stderr.write(`issued token ${t.id} for ${o.authority} (${o.role.join(', ')}); send it as "Authorization: Bearer <token>"\n`);
      process.stdout.write(`${t.token}\n`);
    });
  });

  storeOptions(users.command('list').description('List accounts and API tokens')).action(async (o: StoreOpts) => {
    await withNode(o, async (node) => {
      for (const u of await listUsers(node)) {
        process.stdout.write(`user  ${u.username.padEnd(24)} ${u.authorityId.padEnd(14)} ${u.roles.join(',').padEnd(24)} ${u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active'}\n`);
      }
      for (const t of await listApiTokens(node)) {
        process.stdout.write(`token ${t.id} ${t.label.padEnd(24)} ${t.authorityId.padEnd(14)} ${t.roles.join(',').padEnd(24)} ${t.revokedAt ? 'revoked' : `last used ${t.lastUsedAt ?? 'never'}`}\n`);
      }
    });
  });

  storeOptions(users.command('revoke-token').description('Revoke an API token').argument('<id>', 'token id')).action(async (id: string, o: StoreOpts) => {
    await withNode(o, async (node) => {
      await revokeApiToken(node, id, await nodeActor(node, 'cli'));
      process.stdout.write(`revoked token ${id}\n`);
    });
  });

  storeOptions(
    users
      .command('set')
      .description('Change an account: roles, disable/enable, unlock')
      .argument('<username>', 'login name')
      .option('--role <role>', 'new roles, repeatable or comma-separated', collect)
      .option('--disable', 'disable the account and end its sessions')
      .option('--enable', 'enable the account')
      .option('--unlock', 'lift a lockout after wrong passwords'),
  ).action(async (username: string, o: StoreOpts & { role?: string[]; disable?: boolean; enable?: boolean; unlock?: boolean }) => {
    if (o.role) checkRoles(o.role);
    if (o.disable && o.enable) throw new UsageError('give --disable or --enable, not both');
    await withNode(o, async (node) => {
      const u = (await listUsers(node)).find((x) => x.username === username.toLowerCase());
      if (!u) throw new UsageError(`no user "${username}"`);
      await updateUser(node, u.id, { roles: o.role as never, disabled: o.disable ? true : o.enable ? false : undefined, unlock: o.unlock ? true : undefined }, await nodeActor(node, 'cli'));
      process.stdout.write(`updated ${u.username}\n`);
    });
  });
}
