// Test data for the alerts, search and identity tests: authorities, sources,
// persons and objects written straight into the store (the way an import
// would), and actors of those authorities for service-level calls.
import type { Actor, Role } from '../../src/access/actor.ts';
import { ObjectRecord } from '../../src/domain/object.ts';
import { PersonRecord } from '../../src/domain/person.ts';
import type { Database } from '../../src/store/database.ts';
import { writeObject, writePerson } from '../../src/services/search/record-writer.ts';

export interface FixtureAuthority {
  id: string;
  country: string;
  name: string;
  kind?: string;
}

export interface FixtureSource {
  id: string;
  authorityId: string;
  name?: string;
  kind?: string;
  hitNoHit?: boolean;
}

export const NL = { id: 'nl-knp', country: 'NLD', name: 'Koninklijke Nederlandse Politie', kind: 'police' };
export const DE = { id: 'de-bka', country: 'DEU', name: 'Bundeskriminalamt', kind: 'police' };
export const PL = { id: 'pl-sg', country: 'POL', name: 'Straż Graniczna', kind: 'border' };

export async function addAuthority(database: Database, a: FixtureAuthority): Promise<void> {
  await database.db.insertInto('authorities').values({ id: a.id, country: a.country, name: a.name, kind: a.kind ?? 'police' }).onConflict((oc) => oc.doNothing()).execute();
}

export async function addSource(database: Database, s: FixtureSource): Promise<void> {
  await database.db
    .insertInto('sources')
    .values({ id: s.id, authority_id: s.authorityId, name: s.name ?? s.id, kind: s.kind ?? 'persons_index', hit_no_hit: s.hitNoHit ?? false })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Three authorities, their sources (one hit/no-hit), all in one call. */
export async function seedRegistry(database: Database): Promise<void> {
  for (const a of [NL, DE, PL]) await addAuthority(database, a);
  await addSource(database, { id: 'nl-alerts', authorityId: NL.id, name: 'NL alerts', kind: 'alerts' });
  await addSource(database, { id: 'nl-persons', authorityId: NL.id, name: 'NL persons index' });
  await addSource(database, { id: 'nl-vehicles', authorityId: NL.id, name: 'NL vehicle register', kind: 'vehicle_register' });
  await addSource(database, { id: 'de-alerts', authorityId: DE.id, name: 'DE alerts', kind: 'alerts' });
  await addSource(database, { id: 'de-persons', authorityId: DE.id, name: 'DE persons index' });
  await addSource(database, { id: 'pl-records', authorityId: PL.id, name: 'PL police records index', kind: 'police_records', hitNoHit: true });
}

export function actorOf(authority: { id: string; country: string }, roles: Role[] = ['police_officer', 'analyst'], name = 'officer'): Actor {
  return { kind: 'user', id: `user:${authority.id}:${name}`, name: `${name}@${authority.id}`, authorityId: authority.id, authorityKind: 'police', country: authority.country, roles };
}

export async function addPerson(database: Database, sourceId: string, p: unknown): Promise<string> {
  return writePerson(database.db, sourceId, PersonRecord.parse(p));
}

export async function addObject(database: Database, sourceId: string, o: unknown): Promise<string> {
  return writeObject(database.db, sourceId, ObjectRecord.parse(o));
}

export async function countRows(database: Database, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    if (!/^[a-z_]+$/.test(t)) throw new Error(`bad table ${t}`);
    const [r] = await database.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = r.n;
  }
  return out;
}

/** A valid TD3 passport MRZ built with correct check digits. */
export function td3(fields: { surname: string; given: string; number: string; country: string; nationality: string; birth: string; sex: 'M' | 'F'; expiry: string }): string {
  const cd = (s: string) => {
    const w = [7, 3, 1];
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
      sum += v * w[i % 3];
    }
    return String(sum % 10);
  };
  const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);
  const name = pad(`P<${fields.country}${fields.surname}<<${fields.given.replace(/ /g, '<')}`, 44);
  const num = pad(fields.number, 9);
  const personal = pad('', 14);
  const body = `${num}${cd(num)}${fields.nationality}${fields.birth}${cd(fields.birth)}${fields.sex}${fields.expiry}${cd(fields.expiry)}${personal}${cd(personal)}`;
  const composite = `${num}${cd(num)}${fields.birth}${cd(fields.birth)}${fields.expiry}${cd(fields.expiry)}${personal}${cd(personal)}`;
  return `${name}\n${body}${cd(composite)}`;
}

/** An API token of an authority with these roles, for `Authorization: Bearer`. */
export async function tokenFor(node: import('../../src/services/context.ts').NodeContext, authorityId: string, roles: Role[], label = 'test'): Promise<string> {
  const { issueApiToken } = await import('../../src/services/access/index.ts');
  return (await issueApiToken(node, { authorityId, roles, label: `${label} ${roles.join('+')}` })).token;
}
