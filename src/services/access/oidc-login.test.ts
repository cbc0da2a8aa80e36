import { describe, expect, it } from 'vitest';
import { claimAt, mappedRoles } from './oidc-login.ts';

describe('reading the provider’s claims', () => {
  const claims = { sub: 's', preferred_username: 'p', groups: ['a', 'b'], realm_access: { roles: ['pontis-grens', 'offline_access'] }, 'https://x.example/roles': 'r1 r2' };

  it('finds a claim by name or by dotted path, never from the prototype', () => {
    expect(claimAt(claims, 'preferred_username')).toBe('p');
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['pontis-grens', 'offline_access']);
    expect(claimAt(claims, 'https://x.example/roles')).toBe('r1 r2');
    expect(claimAt(claims, 'realm_access.missing')).toBeUndefined();
    expect(claimAt(claims, 'groups.length')).toBeUndefined();
    expect(claimAt(claims, 'toString')).toBeUndefined();
    expect(claimAt(claims, 'realm_access.constructor')).toBeUndefined();
  });

  it('maps list and space-separated values to Pontis roles, ignoring the unmapped', () => {
    const map = { 'pontis-grens': ['border_guard' as const], r2: ['analyst' as const, 'spoc' as const], constructor: ['admin' as const] };
    expect(mappedRoles(['pontis-grens', 'offline_access'], map)).toEqual(['border_guard']);
    expect(mappedRoles('r1 r2', map)).toEqual(['analyst', 'spoc']);
    expect(mappedRoles([1, null, 'pontis-grens', 'r2'], map)).toEqual(['analyst', 'border_guard', 'spoc']);
    expect(mappedRoles(undefined, map)).toEqual([]);
    expect(mappedRoles(['toString', 'hasOwnProperty'], map)).toEqual([]);
  });
});
