// The node itself as an actor, for scheduled jobs and command-line
// administration: it acts on behalf of the authority operating the node.
import type { NodeContext } from '../context.ts';
import { systemActor, type Actor } from '../../access/actor.ts';
import { findAuthority } from './authorities.ts';

export async function nodeActor(node: NodeContext, job: string): Promise<Actor> {
  const authority = await findAuthority(node.database.db, node.config.nodeAuthorityId);
  // XXX is ICAO's "unspecified" code: a node whose own authority is not registered yet.
  return systemActor(job, node.config.nodeAuthorityId, authority?.country ?? 'XXX', authority?.kind ?? 'police');
}
