// Password storage with argon2id (memory-hard), at the OWASP-recommended
// minimum cost (19 MiB, 2 passes) so that a login stays around 0.1 s.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

const ARGON2ID = 2; // Algorithm.Argon2id; a const enum cannot be imported under isolatedModules
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const Password = z
  .string()
  .min(12, 'a password has at least 12 characters')
  .max(256, 'a password has at most 256 characters');

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown users and password-less accounts still cost one verification, so
  // timing does not reveal which usernames exist.
  const phc = stored ?? (await dummyHash());
  try {
    const ok = await verify(phc, password);
    return ok && stored !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hash('pontis-dummy-password', OPTIONS);
  return dummy;
}
