import { describe, expect, it } from 'vitest';
import { OIDC_TRANSACTION_TTL_MS, sealTransaction, transactionKey, unsealTransaction, type OidcTransaction } from './oidc-transaction.ts';

const TX: OidcTransaction = {
  state: 'state-abcdefghijklmnop',
  nonce: 'nonce-abcdefghijklmnop',
  codeVerifier: 'v'.repeat(43),
  startedAt: Date.parse('2026-06-01T09:00:00Z'),
};

describe('the sign-in cookie', () => {
  const key = transactionKey('client secret');

  it('opens with the same key within ten minutes', () => {
    const sealed = sealTransaction(key, TX);
    expect(sealed).not.toContain('state-');
    expect(unsealTransaction(transactionKey('client secret'), sealed, TX.startedAt + 60_000)).toEqual({ ok: true, transaction: TX });
  });

  it('refuses another key, an old cookie and a missing one', () => {
    const sealed = sealTransaction(key, TX);
    expect(unsealTransaction(transactionKey('other secret'), sealed, TX.startedAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(unsealTransaction(key, sealed, TX.startedAt + OIDC_TRANSACTION_TTL_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(unsealTransaction(key, undefined, TX.startedAt)).toEqual({ ok: false, reason: 'missing' });
    // a public client gets a fresh random key per process
    expect(transactionKey(undefined).equals(transactionKey(undefined))).toBe(false);
  });

  it('refuses every single-character change, and never throws on garbage (fuzz)', () => {
    const sealed = sealTransaction(key, TX);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < sealed.length; i++) {
      const other = alphabet[(alphabet.indexOf(sealed[i]!) + 1) % alphabet.length]!;
      const changed = sealed.slice(0, i) + other + sealed.slice(i + 1);
      const r = unsealTransaction(key, changed, TX.startedAt);
      // the last character carries padding bits base64url ignores; any other change is refused
      if (i < sealed.length - 1) expect(r.ok, `position ${i}`).toBe(false);
    }
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const base = random() < 0.5 ? sealed : '';
      const garbage = Array.from({ length: Math.floor(random() * 120) }, () => String.fromCharCode(Math.floor(random() * 128))).join('');
      const cut = Math.floor(random() * base.length);
      const r = unsealTransaction(key, base.slice(0, cut) + garbage + base.slice(cut + garbage.length), TX.startedAt);
      expect(r.ok === false ? ['missing', 'malformed', 'expired'] : ['ok']).toContain(r.ok ? 'ok' : r.reason);
    }
  });
});
