// The node's own Ed25519 key, which signs audit checkpoints. Read from
// PONTIS_NODE_KEY_FILE (PKCS#8 PEM) when set — the way for PostgreSQL
// deployments with several processes — else from <data dir>/keys/, where it
// is generated on first start (directory 0700, file 0600). Never in the repo.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeContext } from '../context.ts';

export interface NodeKey {
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER). */
  id: string;
  privateKey: KeyObject | null;
  publicKey: KeyObject;
  /** Where it came from, for messages. */
  origin: string;
}

export const KEY_FILE_NAME = 'node-ed25519.pem';

const ephemeral = new WeakMap<object, NodeKey>();

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function fromPem(pem: string, origin: string): NodeKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${origin} holds a ${privateKey.asymmetricKeyType} key; the node key must be Ed25519`);
  const publicKey = createPublicKey(privateKey);
  return { id: keyId(publicKey), privateKey, publicKey, origin };
}

/** Loads the key from a file; `create` generates it there when missing. */
export function loadKeyFile(file: string, create: boolean): NodeKey {
  if (!existsSync(file)) {
    if (!create) throw new Error(`the node key ${file} does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    const dir = file.slice(0, file.lastIndexOf('/')) || '.';
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return fromPem(readFileSync(file, 'utf8'), file);
}

/**
 * The node's key. Without a key file or data directory (in-memory nodes in
 * tests) a key is generated per node for the life of the process.
 */
export function nodeKey(node: NodeContext): NodeKey {
  const file = process.env.PONTIS_NODE_KEY_FILE ?? (node.config.dataDir ? join(node.config.dataDir, 'keys', KEY_FILE_NAME) : undefined);
  if (file) return loadKeyFile(file, !process.env.PONTIS_NODE_KEY_FILE);
  let k = ephemeral.get(node.database);
  if (!k) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    k = { id: keyId(publicKey), privateKey, publicKey, origin: 'generated in memory' };
    ephemeral.set(node.database, k);
  }
  return k;
}

export function signMessage(key: NodeKey, message: string): Buffer {
  if (!key.privateKey) throw new Error(`the node key from ${key.origin} has no private part`);
  return sign(null, Buffer.from(message, 'utf8'), key.privateKey);
}

export function verifyMessage(key: NodeKey, message: string, signature: Uint8Array): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), key.publicKey, signature);
  } catch {
    return false;
  }
}

/** The node key if one exists, without creating it (for verification). */
export function existingNodeKey(node: NodeContext): NodeKey | undefined {
  const file = process.env.PONTIS_NODE_KEY_FILE ?? (node.config.dataDir ? join(node.config.dataDir, 'keys', KEY_FILE_NAME) : undefined);
  if (file) return existsSync(file) ? loadKeyFile(file, false) : undefined;
  return ephemeral.get(node.database);
}
