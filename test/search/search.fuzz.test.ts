// Garbage in the single search never escapes as anything but a precise
// validation error or a well-formed answer (deterministic random inputs).
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import { search } from '../../src/services/search/index.ts';
import { NL, actorOf, addPerson, seedRegistry } from '../support/search-fixtures.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['', ' ', 'Anna', 'ШЕВЧЕНКО', 'Ωμέγα', '<<<<', 'P<UKR', '1987', '1987-13-45', '\u0000', '🙂', 'NL91ABNA0417164300', 'X'.repeat(300), '-', '0', 'DE', null, 42, true, [], {}];

function randomValue(r: () => number, depth = 0): unknown {
  const k = r();
  if (depth < 2 && k < 0.15) return { given: randomValue(r, depth + 1), family: randomValue(r, depth + 1) };
  if (depth < 2 && k < 0.2) return [randomValue(r, depth + 1)];
  const a = PIECES[Math.floor(r() * PIECES.length)];
  const b = PIECES[Math.floor(r() * PIECES.length)];
  return typeof a === 'string' && typeof b === 'string' && r() < 0.5 ? a + b : a;
}

function randomRequest(r: () => number): unknown {
  const req: Record<string, unknown> = {};
  if (r() < 0.8) req.purpose = r() < 0.8 ? 'police_check' : randomValue(r);
  if (r() < 0.8) req.caseReference = r() < 0.7 ? 'CASE-1' : randomValue(r);
  if (r() < 0.4) req.person = { names: randomValue(r), birthDate: randomValue(r), nationality: randomValue(r), documentNumber: randomValue(r), sex: randomValue(r) };
  if (r() < 0.3) req.mrz = randomValue(r);
  if (r() < 0.3) req.object = { kind: ['vehicle', 'plate', 'firearm', 'iban', 'document', 'boat'][Math.floor(r() * 6)], value: randomValue(r), country: randomValue(r) };
  if (r() < 0.4) req.text = randomValue(r);
  if (r() < 0.1) req.limit = randomValue(r);
  return r() < 0.03 ? randomValue(r) : req;
}

describe('search fuzz', () => {
  let node: NodeContext;
  beforeAll(async () => {
    const database = await openDatabase({});
    node = { database, clock: new ManualClock('2026-06-01T09:00:00Z'), logger: silentLogger, config: { nodeAuthorityId: NL.id, nodeName: 'fuzz' } };
    await seedRegistry(database);
    await addPerson(database, 'nl-persons', { ref: 'P-1', names: [{ given: 'Anna', family: 'Smit' }], birthDate: '1987' });
  });

  it('answers or refuses precisely, never crashes', async () => {
    const r = rng(20260601);
    let answered = 0, refused = 0;
    for (let i = 0; i < 120; i++) {
      const input = randomRequest(r);
      try {
        const out = await search(node, actorOf(NL), input);
        expect(Array.isArray(out.hits)).toBe(true);
        expect(Array.isArray(out.sources.searched)).toBe(true);
        answered++;
      } catch (e) {
        expect(e, JSON.stringify(input)).toBeInstanceOf(ValidationError);
        const issues = (e as ValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.path.length).toBeGreaterThan(0);
        refused++;
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
