// The match model a node scores search candidates with. Until the node has
// a model trained on its own data, the matching engine's defaults, with the
// prior set from the size of the indexed population (a query is one person
// among that many). Cached per node, refreshed every few minutes.
import { compileModel, defaultModel, type CompiledModel } from '../../matching/index.ts';
import type { NodeContext } from '../context.ts';

const REFRESH_MS = 10 * 60_000;
const cache = new WeakMap<object, { cm: CompiledModel; at: number }>();

async function populationSize(node: NodeContext): Promise<number> {
  // Counting ten million rows on every refresh costs; the planner's estimate is good enough for a prior.
  const est = await node.database.query<{ n: number }>("select reltuples::bigint as n from pg_class where relname = 'persons'");
  const n = Number(est[0]?.n ?? 0);
  if (n >= 100_000) return n;
  const exact = await node.database.query<{ n: number }>('select count(*)::int as n from persons where deleted_at is null');
  return Number(exact[0]?.n ?? 0);
}

export async function searchModel(node: NodeContext): Promise<CompiledModel> {
  const hit = cache.get(node.database);
  const now = Date.now();
  if (hit && now - hit.at < REFRESH_MS) return hit.cm;
  const cm = compileModel(defaultModel(Math.max(1000, await populationSize(node))));
  cache.set(node.database, { cm, at: now });
  return cm;
}
