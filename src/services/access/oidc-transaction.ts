// The sign-in in progress between "go to the provider" and "back from the
// provider": state, nonce and PKCE verifier, kept in the browser as a short-
// lived cookie sealed with AES-256-GCM. Sealed rather than only signed so the
// verifier stays secret and a changed byte is refused; kept in the browser so
// any instance of the node can finish the sign-in.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const OIDC_TRANSACTION_COOKIE = 'pontis_oidc';
/** Time to sign in at the provider; after that, start again. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60_000;

export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** When the sign-in started (ms since epoch, node clock). */
  startedAt: number;
}

const Transaction = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  startedAt: z.number().int().nonnegative(),
});

/**
 * The sealing key: derived from the client secret, which every instance of
 * the node shares; for a public client, random per process (a restart then
 * only cancels sign-ins in progress).
 */
export function transactionKey(clientSecret: string | undefined): Buffer {
  const material = clientSecret ? Buffer.from(clientSecret, 'utf8') : randomBytes(32);
  return Buffer.from(hkdfSync('sha256', material, 'pontis-oidc', 'transaction cookie v1', 32));
}

export function sealTransaction(key: Buffer, tx: OidcTransaction): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(tx), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export type UnsealResult = { ok: true; transaction: OidcTransaction } | { ok: false; reason: 'missing' | 'malformed' | 'expired' };

/** Opens a cookie value; never throws: garbage, a changed byte or an old cookie is a reason, not an exception. */
export function unsealTransaction(key: Buffer, sealed: string | undefined, nowMs: number): UnsealResult {
  if (!sealed) return { ok: false, reason: 'missing' };
  if (sealed.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return { ok: false, reason: 'malformed' };
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 12 + 16 + 2) return { ok: false, reason: 'malformed' };
  let json: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    json = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const tx = Transaction.safeParse(json);
  if (!tx.success) return { ok: false, reason: 'malformed' };
  const age = nowMs - tx.data.startedAt;
  if (age < 0 || age > OIDC_TRANSACTION_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, transaction: tx.data };
}
