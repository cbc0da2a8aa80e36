// The matrix says what the brief requires: border guards check travellers
// without police records, only police see police records, a DPO reads the
// audit log but cannot search, an admin manages users but cannot search,
// analysts see statistics; anything unknown is denied.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Role } from './actor.ts';
import type { AuthorityKind } from '../domain/authority.ts';
import { AccessDeniedError, UnauthenticatedError, ValidationError } from '../domain/errors.ts';
import { allowedPurposes, authorize, decide, loadPolicyFile, searchableSources, usePolicy, type SourceInfo } from './policy.ts';
import { AccessPolicy } from './policy-schema.ts';
import { DEFAULT_POLICY } from './matrix.ts';

const actor = (role: Role, kind: AuthorityKind = 'police', scopes?: string[]): Actor => ({ kind: 'user', id: 'u', name: 'u', authorityId: 'a', authorityKind: kind, country: 'NLD', roles: [role], ...(scopes ? { scopes } : {}) });
const src = (kind: string): SourceInfo => ({ id: kind, kind, authorityId: 'a', hitNoHit: false });
const ALL_SOURCES = ['persons_index', 'alerts', 'vehicle_register', 'police_records', 'passenger_data', 'dna_profiles', 'firearms_register', 'cultural_goods', 'bank_accounts', 'documents'].map(src);

describe('access policy', () => {
  afterEach(() => usePolicy(undefined));

  it('lets a border guard check travellers but not see police records', () => {
    const guard = actor('border_guard', 'border');
    const r = searchableSources(guard, 'border_check', ALL_SOURCES);
    expect(r.allowed.map((s) => s.kind)).toEqual(expect.arrayContaining(['alerts', 'documents', 'persons_index']));
    expect(r.allowed.map((s) => s.kind)).not.toContain('police_records');
    expect(r.refused.find((x) => x.source.kind === 'police_records')?.reason).toMatch(/police_records/);
    expect(searchableSources(guard, 'criminal_investigation', ALL_SOURCES).allowed).toEqual([]);
    expect(allowedPurposes(guard).sort()).toEqual(['border_check', 'migration_check']);
  });

  it('shows police records only to police', () => {
    expect(searchableSources(actor('police_officer'), 'criminal_investigation', [src('police_records')]).allowed).toHaveLength(1);
    expect(searchableSources(actor('police_officer', 'customs'), 'criminal_investigation', [src('police_records')]).allowed).toHaveLength(0);
    for (const role of ['border_guard', 'analyst', 'dpo', 'admin'] as Role[]) {
      for (const purpose of ['border_check', 'criminal_investigation', 'counter_terrorism', 'data_protection_review'] as const) {
        expect(searchableSources(actor(role, role === 'border_guard' ? 'border' : 'police'), purpose, [src('police_records')]).allowed).toEqual([]);
      }
    }
  });

  it('lets a DPO read the audit log but not search; an admin manage users but not search', () => {
    expect(decide(actor('dpo'), 'audit.read').allowed).toBe(true);
    expect(decide(actor('dpo'), 'audit.verify').allowed).toBe(true);
    expect(decide(actor('dpo'), 'search.run').allowed).toBe(false);
    expect(decide(actor('dpo'), 'record.read').allowed).toBe(false);
    expect(decide(actor('admin'), 'user.create').allowed).toBe(true);
    expect(decide(actor('admin'), 'search.run').allowed).toBe(false);
    expect(decide(actor('admin'), 'audit.read').allowed).toBe(false);
    expect(decide(actor('analyst'), 'stats.read').allowed).toBe(true);
    expect(decide(actor('border_guard', 'border'), 'stats.read').allowed).toBe(false);
  });

  it('denies what no grant names, and throws the right errors', () => {
    expect(decide(actor('police_officer'), 'nuclear.launch').allowed).toBe(false);
    expect(() => authorize(null, 'search.run')).toThrow(UnauthenticatedError);
    expect(() => authorize(actor('admin'), 'search.run')).toThrow(AccessDeniedError);
    expect(() => authorize(actor('police_officer'), 'search.run', { purpose: 'border_check' })).toThrow(/purpose border_check/);
    expect(() => authorize(actor('police_officer'), 'search.run', { purpose: 'police_check', sourceKind: 'alerts' })).not.toThrow();
  });

  it('limits a token to its scopes even where its role allows more', () => {
    expect(decide(actor('police_officer', 'police', ['search.run']), 'search.run').allowed).toBe(true);
    expect(decide(actor('police_officer', 'police', ['search.run']), 'alert.create').allowed).toBe(false);
    expect(decide(actor('admin', 'police', ['search.*']), 'search.run').allowed).toBe(false);
  });

  it('loads a policy file and reports where it is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pontis-policy-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ grants: [{ roles: ['dpo'], authorityKinds: '*', actions: ['search.run'], purposes: '*', sources: ['police_records'], alertCategories: '*' }] }));
    usePolicy(loadPolicyFile(good));
    expect(searchableSources(actor('dpo'), 'criminal_investigation', [src('police_records')]).allowed).toHaveLength(1);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ grants: [{ roles: ['janitor'], authorityKinds: '*', actions: ['search run'], purposes: '*', sources: '*', alertCategories: '*' }] }));
    try {
      loadPolicyFile(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['grants/0/roles/0', 'grants/0/actions/0']));
    }
    writeFileSync(bad, '{ not json');
    expect(() => loadPolicyFile(bad)).toThrow(/cannot be read as JSON/);
  });

  it('the built-in matrix is a valid policy', () => {
    expect(AccessPolicy.safeParse(DEFAULT_POLICY).success).toBe(true);
  });

  it('survives fuzzed policy documents without throwing', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const atoms: unknown[] = [null, 1, -1, 'x', '*', 'search.run', 'dpo', [], {}, ['dpo'], ['*'], true, 'a'.repeat(500)];
    const base = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as { grants: Record<string, unknown>[] };
    for (let i = 0; i < 300; i++) {
      const doc = JSON.parse(JSON.stringify(base)) as { grants: Record<string, unknown>[] };
      const g = pick(doc.grants);
      g[pick(['roles', 'authorityKinds', 'actions', 'purposes', 'sources', 'alertCategories', 'extra'])] = pick(atoms);
      const r = AccessPolicy.safeParse(rnd() < 0.1 ? pick(atoms) : doc);
      if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      else expect(decide(actor('dpo'), 'audit.read', {}, r.data)).toHaveProperty('allowed');
    }
  });
});
