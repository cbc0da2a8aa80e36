// Files that travel with messages: stored once when uploaded (or inlined in
// a message), checked against the allow-list, attached to at most one message
// and readable only by those who may read that message.
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Actor } from '../../access/actor.ts';
import type { NodeContext } from '../context.ts';
import { authorize } from '../../access/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.ts';
import { bareContentType, checkAttachment, decodeBase64, type AttachmentCandidate } from './attachment-check.ts';
import type { InlineAttachment } from './inputs.ts';
import type { AttachmentView } from './views.ts';
import { requireVisibleMessage } from './visibility.ts';

async function storeChecked(trx: Transaction<Schema>, actor: Actor, file: AttachmentCandidate, at: Date): Promise<AttachmentView> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const contentType = bareContentType(file.contentType);
  await trx
    .insertInto('attachments')
    .values({
      id,
      authority_id: actor.authorityId,
      uploaded_by: actor.id,
      filename: file.filename,
      content_type: contentType,
      size_bytes: file.data.byteLength,
      sha256,
      data: file.data,
      created_at: at,
    })
    .execute();
  return { id, filename: file.filename, contentType, sizeBytes: file.data.byteLength, sha256 };
}

/** POST /api/v1/attachments: one file, raw bytes. */
export async function uploadAttachment(node: NodeContext, actor: Actor | null, file: AttachmentCandidate): Promise<AttachmentView> {
  authorize(actor, 'message.send', { authorityId: actor?.authorityId });
  const issues = checkAttachment(file);
  if (issues.length) throw new ValidationError('The file cannot be attached.', issues);
  const at = node.clock.now();
  return node.database.db.transaction().execute(async (trx) => {
    const view = await storeChecked(trx, actor, file, at);
    await appendAudit(trx, {
      at,
      actor,
      action: 'attachment.upload',
      outcome: 'ok',
      changed: [{ type: 'attachment', id: view.id }],
      details: { filename: view.filename, contentType: view.contentType, sizeBytes: view.sizeBytes, sha256: view.sha256 },
    });
    return view;
  });
}

/** Decodes and checks inline attachments; throws one ValidationError naming every bad file. */
export function decodeInlineAttachments(list: InlineAttachment[] | undefined): AttachmentCandidate[] {
  const files: AttachmentCandidate[] = [];
  const issues: FieldIssue[] = [];
  (list ?? []).forEach((a, i) => {
    const data = decodeBase64(a.dataBase64);
    if (!data) {
      issues.push({ path: `attachments/${i}/dataBase64`, message: 'not valid base64' });
      return;
    }
    const file = { filename: a.filename, contentType: a.contentType, data };
    const problems = checkAttachment(file, `attachments/${i}`);
    if (problems.length) issues.push(...problems);
    else files.push(file);
  });
  if (issues.length) throw new ValidationError('An attachment cannot be sent.', issues);
  return files;
}

export async function storeInlineAttachments(trx: Transaction<Schema>, actor: Actor, files: AttachmentCandidate[], at: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) ids.push((await storeChecked(trx, actor, f, at)).id);
  return ids;
}

/** The bytes of an attachment, for its uploader's authority or anyone who may read its message. */
export async function readAttachment(
  node: NodeContext,
  actor: Actor | null,
  attachmentId: string,
): Promise<AttachmentView & { data: Uint8Array }> {
  authorize(actor, 'message.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const row = await db
    .selectFrom('attachments')
    .leftJoin('message_attachments', 'message_attachments.attachment_id', 'attachments.id')
    .select(['attachments.id', 'attachments.authority_id', 'attachments.filename', 'attachments.content_type', 'attachments.size_bytes', 'attachments.sha256', 'attachments.data', 'message_attachments.message_id'])
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst();
  const notFound = () => new NotFoundError(`No attachment ${attachmentId} that you may read.`);
  if (!row) throw notFound();
  if (row.authority_id !== actor.authorityId) {
    if (!row.message_id) throw notFound();
    await requireVisibleMessage(db, row.message_id, actor.authorityId).catch(() => {
      throw notFound();
    });
  }
  await appendAudit(db, {
    at: node.clock.now(),
    actor,
    action: 'attachment.read',
    outcome: 'ok',
    returned: [{ type: 'attachment', id: row.id }],
    details: row.message_id ? { messageId: row.message_id } : {},
  });
  return { id: row.id, filename: row.filename, contentType: row.content_type, sizeBytes: row.size_bytes, sha256: row.sha256, data: new Uint8Array(row.data) };
}
