import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { AlertLine, AuthorityLine, ObjectLine, PersonLine, SourceLine } from '../domain/import-record.ts';
import { EMPACT_PRIORITIES, AlertCategory } from '../domain/alert.ts';
import { generatePopulation, type TruthRow } from './population.ts';
import type { PersonLineData } from './person-record.ts';
import { vinCheckDigit } from './objects/vin.ts';
import { population } from './test-support.ts';

const OPTS = { persons: 5000, seed: 42 };

function hash(opts: { persons: number; seed: number; today?: string }): string {
  const h = createHash('sha256');
  for (const item of generatePopulation(opts)) h.update(JSON.stringify(item) + '\n');
  return h.digest('hex');
}

describe('determinism', () => {
  it('gives byte-identical output for the same size, seed and date', () => {
    expect(hash({ persons: 1500, seed: 9 })).toBe(hash({ persons: 1500, seed: 9 }));
  });

  it('changes with the seed and with the reference date', () => {
    const base = hash({ persons: 300, seed: 9 });
    expect(hash({ persons: 300, seed: 10 })).not.toBe(base);
    expect(hash({ persons: 300, seed: 9, today: '2027-06-30' })).not.toBe(base);
  });

  it('shares the entities of a smaller population with a larger one of the same seed', () => {
    const recordsBy = (n: number) => {
      const m = new Map<string, string[]>();
      let last: PersonLineData | undefined;
      for (const it of generatePopulation({ persons: n, seed: 5 })) {
        if (it.type === 'person') last = it as PersonLineData;
        if (it.type === 'truth' && last) m.set(it.entity, [...(m.get(it.entity) ?? []), JSON.stringify(last)]);
      }
      return m;
    };
    const small = recordsBy(400);
    const large = recordsBy(1200);
    const entities = [...small.keys()].sort().slice(0, -3); // the last entity of the small run may be cut short
    expect(entities.length).toBeGreaterThan(200);
    for (const e of entities) expect(large.get(e)).toEqual(small.get(e));
  });
});

describe('every line', () => {
  const items = population(OPTS);

  it('validates against the domain schemas, authorities and sources first', () => {
    let phase = 0; // 0 authorities, 1 sources, 2 records
    const rank = { authority: 0, source: 1, person: 2, object: 2, alert: 2, truth: 2 } as const;
    const schemas = { authority: AuthorityLine, source: SourceLine, person: PersonLine, object: ObjectLine, alert: AlertLine };
    const failures: string[] = [];
    for (const it of items) {
      expect(rank[it.type]).toBeGreaterThanOrEqual(phase);
      phase = rank[it.type];
      if (it.type === 'truth') continue;
      const r = schemas[it.type].safeParse(it);
      if (!r.success) failures.push(`${it.type} ${JSON.stringify(it).slice(0, 200)}: ${r.error.message.slice(0, 300)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('has exactly the requested number of person records, each with a unique (source, ref)', () => {
    const persons = items.filter((i) => i.type === 'person');
    expect(persons).toHaveLength(OPTS.persons);
    const keys = new Set(items.filter((i) => i.type === 'person' || i.type === 'object' || i.type === 'alert').map((i) => `${(i as { source: string }).source}|${(i as { ref: string }).ref}`));
    expect(keys.size).toBe(items.filter((i) => i.type === 'person' || i.type === 'object' || i.type === 'alert').length);
  });

  it('keeps the ground truth out of the import lines', () => {
    for (const it of items) if (it.type !== 'truth') expect(JSON.stringify(it)).not.toMatch(/"entity"|E0000\d{5}/);
  });

  it('follows every person with its truth row', () => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.type !== 'person') continue;
      const t = items[i + 1] as TruthRow;
      expect(t.type).toBe('truth');
      expect([t.source, t.ref]).toEqual([it.source, it.ref]);
      expect(t.entity).toMatch(/^E\d{9}$/);
    }
  });
});

describe('objects and alerts', () => {
  const items = population(OPTS);
  const objects = items.filter((i) => i.type === 'object') as Array<Record<string, unknown> & { kind: string }>;
  const alerts = items.filter((i) => i.type === 'alert') as Array<{ source: string; ref: string; subject: { type: string; source?: string; ref: string }; links: string[]; category: string; crimeArea?: string; expiresAt: string; validFrom?: string }>;

  it('gives every bank account a valid IBAN', () => {
    const accounts = objects.filter((o) => o.kind === 'bank_account');
    expect(accounts.length).toBeGreaterThan(30);
    for (const a of accounts) expect(isValidIBAN(a.iban as string), a.iban as string).toBe(true);
    expect(new Set(accounts.map((a) => (a.iban as string).slice(0, 2))).size).toBeGreaterThan(5);
  });

  it('gives every VIN a correct check digit', () => {
    const vins = objects.filter((o) => o.kind === 'vehicle' && o.vin).map((o) => o.vin as string);
    expect(vins.length).toBeGreaterThan(100);
    for (const v of vins) {
      expect(v).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      expect(v[8]).toBe(vinCheckDigit(v));
    }
  });

  it('has every kind of object', () => {
    expect(new Set(objects.map((o) => o.kind))).toEqual(new Set(['vehicle', 'firearm', 'document', 'bank_account', 'cultural_good', 'number_plate']));
  });

  it('refers only to persons and objects written earlier, and links only to existing alerts', () => {
    const seen = new Set<string>();
    const alertRefs = new Set(alerts.map((a) => `${a.source}|${a.ref}`));
    for (const it of items) {
      if (it.type === 'person' || it.type === 'object') seen.add(`${it.type}|${it.source}|${it.ref}`);
      if (it.type === 'alert') {
        expect(seen.has(`${it.subject.type}|${it.subject.source ?? it.source}|${it.subject.ref}`)).toBe(true);
        for (const l of it.links) expect(alertRefs.has(`${it.source}|${l}`)).toBe(true);
      }
    }
  });

  it('shows every alert category with checks and missing persons common and arrests rarer', () => {
    const count = (c: string) => alerts.filter((a) => a.category === c).length;
    for (const c of AlertCategory.options) expect(count(c), c).toBeGreaterThan(0);
    expect(count('discreet_check') + count('missing')).toBeGreaterThan(3 * count('arrest'));
    expect(count('object_seizure')).toBeGreaterThan(count('arrest'));
  });

  it('covers the EMPACT priorities and expires some alerts before the reference date', () => {
    const areas = new Set(alerts.map((a) => a.crimeArea));
    for (const p of EMPACT_PRIORITIES) expect(areas.has(p), p).toBe(true);
    const expired = alerts.filter((a) => a.expiresAt < '2026-01-01').length;
    expect(expired).toBeGreaterThan(0);
    expect(expired).toBeLessThan(alerts.length / 2);
    for (const a of alerts) if (a.validFrom) expect(a.validFrom < a.expiresAt).toBe(true);
  });
});
