// Cases are open until their authority closes them. A closed case stops the
// watch on the searches made under it.
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { ConflictError } from '../../domain/errors.ts';
import { CaseReference } from '../../domain/purpose.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { CloseCaseInput } from './inputs.ts';
import { parseInput } from './parse-input.ts';

export async function closeCase(
  node: NodeContext,
  actor: Actor | null,
  rawReference: unknown,
  raw: unknown,
): Promise<{ caseReference: string; authorityId: string; closedAt: string; closedBy: string }> {
  // Whoever may search under a case may close it; the policy has no case area (yet).
  authorize(actor, 'search.run', { authorityId: actor?.authorityId });
  const caseReference = parseInput(CaseReference, rawReference, 'case reference');
  const input = parseInput(CloseCaseInput, raw ?? {}, 'request');
  const at = node.clock.now();
  await node.database.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('closed_cases')
      .values({ authority_id: actor.authorityId, case_reference: caseReference, closed_at: at, closed_by: actor.id, closed_by_name: actor.name, reason: input.reason ?? null })
      .onConflict((oc) => oc.columns(['authority_id', 'case_reference']).doNothing())
      .returning('case_reference')
      .execute();
    if (inserted.length === 0) throw new ConflictError(`Case ${caseReference} is already closed.`);
    await appendAudit(trx, { at, actor, action: 'case.close', outcome: 'ok', caseReference, changed: [{ type: 'case', id: caseReference }], details: input.reason ? { reason: input.reason } : {} });
  });
  return { caseReference, authorityId: actor.authorityId, closedAt: at.toISOString(), closedBy: actor.name };
}
