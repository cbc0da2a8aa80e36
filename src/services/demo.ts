// Demo data for `npm start`: a synthetic population and one account per role,
// loaded once into an empty store so a newcomer can sign in and search at once.
import type { NodeContext } from './context.ts';
import type { Role } from '../access/actor.ts';
import { generatePopulation } from '../generator/population.ts';
import type { ImportLine } from '../domain/import-record.ts';
import { importLines } from './import/index.ts';
import { createUser } from './access/index.ts';
import { isoDay } from './clock.ts';
import { detectNewMultipleIdentities } from './identity/index.ts';

export interface DemoAccount {
  username: string;
  role: Role;
  authority: string;
}

/** Shown on the terminal and in the README; demo nodes only. */
export const DEMO_PASSWORD = 'pontis-demo-2026';
export const DEMO_PERSONS = 20_000;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'officer', role: 'police_officer', authority: 'nl-politie' },
  { username: 'border', role: 'border_guard', authority: 'nl-kmar' },
  { username: 'analyst', role: 'analyst', authority: 'nl-politie' },
  { username: 'spoc', role: 'spoc', authority: 'nl-politie' },
  { username: 'spoc.de', role: 'spoc', authority: 'de-bka' },
  { username: 'dpo', role: 'dpo', authority: 'nl-politie' },
  { username: 'admin', role: 'admin', authority: 'nl-politie' },
];

function* populationLines(persons: number, today: string): Generator<ImportLine> {
  for (const item of generatePopulation({ persons, seed: 2026, today })) {
    if (item.type !== 'truth') yield item;
  }
}

export async function ensureDemoData(
  node: NodeContext,
  opts: { progress?: boolean; persons?: number } = {},
): Promise<{ password: string; accounts: DemoAccount[]; imported: boolean }> {
  const { db } = node.database;
  const existing = await db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let imported = false;
  if (Number(existing.n) === 0) {
    const persons = opts.persons ?? (Number(process.env.PONTIS_DEMO_PERSONS) || DEMO_PERSONS);
    const started = Date.now();
    if (opts.progress) process.stderr.write(`Loading the demo population (${persons.toLocaleString('en')} persons with objects and alerts)…\n`);
    const summary = await importLines(node, populationLines(persons, isoDay(node.clock.now())), {
      bulk: true,
      workers: 1,
      onCommit: (p) => opts.progress && process.stderr.write(`\r  ${p.lines.toLocaleString('en')} lines`),
    });
    if (opts.progress) process.stderr.write(`\r  ${summary.read.toLocaleString('en')} lines imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    node.logger.info('demo data loaded', { read: summary.read, rejected: summary.rejected, ms: Date.now() - started });
    // So the verification queue has links to resolve on the first visit.
    const detection = await detectNewMultipleIdentities(node);
    if (opts.progress) process.stderr.write(`  ${detection.linksCreated} possible multiple identities found for verification\n`);
    imported = true;
  }
  for (const a of DEMO_ACCOUNTS) {
    const taken = await db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
    if (!taken) await createUser(node, { username: a.username, password: DEMO_PASSWORD, authorityId: a.authority, roles: [a.role], displayName: a.username });
  }
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS, imported };
}
