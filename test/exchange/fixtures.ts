// Registry rows the exchange tests need, written straight into the store
// (authorities, sources, a wanted person with an alert, a stolen vehicle with
// an alert), plus actors and a node context around a test database.
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../src/access/actor.ts';
import type { Schema } from '../../src/store/schema.ts';
import type { Database } from '../../src/store/database.ts';
import type { NodeContext } from '../../src/services/context.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { recordId } from '../../src/store/ids.ts';
import { writeObject, writePerson } from '../../src/services/search/record-writer.ts';
import type { PersonRecord } from '../../src/domain/person.ts';

export const AUTHORITIES = [
  { id: 'nl-politie', country: 'NLD', name: 'Politie Nederland', kind: 'police' },
  { id: 'de-bka', country: 'DEU', name: 'Bundeskriminalamt', kind: 'police' },
  { id: 'be-police', country: 'BEL', name: 'Police fédérale', kind: 'police' },
] as const;

export type AuthorityId = (typeof AUTHORITIES)[number]['id'];

export function actorOf(authorityId: AuthorityId, name = `officer@${authorityId}`, roles: Role[] = ['police_officer', 'spoc']): Actor {
  const a = AUTHORITIES.find((x) => x.id === authorityId)!;
  return { kind: 'user', id: `user-${name}`, name, authorityId, authorityKind: a.kind, country: a.country, roles };
}

export function testContext(database: Database, clock = new ManualClock('2026-06-01T09:00:00Z')): NodeContext & { clock: ManualClock } {
  return { database, clock, logger: silentLogger, config: { nodeAuthorityId: 'nl-politie', nodeName: 'test' } };
}

export const WANTED: PersonRecord = {
  ref: 'P-1',
  names: [{ given: 'Jan', family: 'Jansen', kind: 'primary' }],
  birthDate: '1980-02-03',
  sex: 'M',
  nationalities: ['NLD'],
  addresses: [],
  documents: [{ type: 'passport', number: 'NX1234567', issuingCountry: 'NLD' }],
};

export interface Seeded {
  personAlertId: string;
  personId: string;
  vehicleAlertId: string;
  vehicleId: string;
}

let alertCounter = 0;

/** Authorities, de-bka's alert source, a wanted person and a stolen vehicle with active alerts issued by de-bka. */
export async function seedRegistry(db: Kysely<Schema>, now: Date): Promise<Seeded> {
  await db.insertInto('authorities').values(AUTHORITIES.map((a) => ({ ...a }))).onConflict((oc) => oc.doNothing()).execute();
  await db
    .insertInto('sources')
    .values([{ id: 'de-bka-alerts', authority_id: 'de-bka', name: 'BKA alerts', kind: 'alerts', hit_no_hit: false }])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const personId = await writePerson(db, 'de-bka-alerts', WANTED);
  const vehicleId = await writeObject(db, 'de-bka-alerts', { ref: 'V-1', kind: 'vehicle', vin: 'WVWZZZ1JZXW000001', plate: 'B-AB 123', plateCountry: 'DEU' });
  const personAlertId = await insertAlert(db, { subject: { person: personId }, now });
  const vehicleAlertId = await insertAlert(db, { subject: { object: vehicleId }, now });
  return { personAlertId, personId, vehicleAlertId, vehicleId };
}

export async function insertAlert(
  db: Kysely<Schema>,
  opts: { subject: { person: string } | { object: string }; now: Date; status?: string; ref?: string },
): Promise<string> {
  const ref = opts.ref ?? `A-${++alertCounter}-${Math.random().toString(36).slice(2, 8)}`;
  const id = recordId('alert', 'de-bka-alerts', ref);
  const person = 'person' in opts.subject ? opts.subject.person : null;
  const object = 'object' in opts.subject ? opts.subject.object : null;
  await db
    .insertInto('alerts')
    .values({
      id,
      source_id: 'de-bka-alerts',
      ref,
      subject_type: person ? 'person' : 'object',
      person_id: person,
      object_id: object,
      category: person ? 'arrest' : 'object_seizure',
      action: person ? 'Arrest and inform BKA SIRENE at once' : 'Seize the vehicle',
      handling_code: 'H1',
      issuing_authority_id: 'de-bka',
      expires_at: '2027-12-31',
      status: opts.status ?? 'active',
      record: JSON.stringify({ ref }),
      created_at: opts.now,
      updated_at: opts.now,
    })
    .execute();
  return id;
}

export async function countRows(db: Kysely<Schema>, tables: (keyof Schema)[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

export const EXCHANGE_TABLES: (keyof Schema)[] = [
  'hits', 'threads', 'thread_participants', 'messages', 'outbox', 'deliveries', 'attachments', 'message_attachments',
  'message_reads', 'acknowledgements', 'exchange_events', 'closed_cases', 'watch_notifications',
];
