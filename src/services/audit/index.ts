// The audit area: the hash-chained log, its chainer, signed checkpoints,
// verification, queries for the data-protection officer, retention and
// subject reports.
export { appendAudit, auditBody, type AuditEntryInput } from './audit-log.ts';
export { chainPending, type ChainResult } from './chainer.ts';
export { verifyAuditLog, type VerifyResult, type VerifyOptions } from './verify.ts';
export { writeCheckpoint, listCheckpoints, type Checkpoint } from './checkpoints.ts';
export { nodeKey, loadKeyFile, type NodeKey } from './node-key.ts';
