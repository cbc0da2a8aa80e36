// The per-request variables every route can read.
import type { Actor } from '../access/actor.ts';
import type { NodeContext } from '../services/context.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the authentication middleware; null when the request carries no valid credentials. */
    actor: Actor | null;
    node: NodeContext;
  };
}
