// Brute-force brakes on sign-in: an account locks for 15 minutes after 5
// wrong passwords in a row, and one address may fail at most 20 times in 15
// minutes whatever usernames it tries. Address counts live in memory: a node
// restart forgets them, account lockouts are in the database and survive.
import type { NodeContext } from '../context.ts';

export const ACCOUNT_MAX_FAILURES = 5;
export const ACCOUNT_LOCKOUT_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
const MAX_TRACKED_ADDRESSES = 100_000;

class AddressFailures {
  readonly #failures = new Map<string, number[]>();

  /** Seconds until the address may try again, or 0. */
  retryAfter(address: string, now: number): number {
    const times = this.#recent(address, now);
    if (times.length < ADDRESS_MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil((times[0]! + ADDRESS_WINDOW_MS - now) / 1000));
  }

  record(address: string, now: number): void {
    const times = this.#recent(address, now);
    times.push(now);
    this.#failures.set(address, times);
    if (this.#failures.size > MAX_TRACKED_ADDRESSES) {
      // A flood of distinct addresses must not exhaust memory: forget the oldest.
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  #recent(address: string, now: number): number[] {
    const times = (this.#failures.get(address) ?? []).filter((t) => t > now - ADDRESS_WINDOW_MS);
    if (times.length === 0) this.#failures.delete(address);
    return times;
  }
}

const perNode = new WeakMap<NodeContext, AddressFailures>();

export function addressFailures(node: NodeContext): AddressFailures {
  let f = perNode.get(node);
  if (!f) perNode.set(node, (f = new AddressFailures()));
  return f;
}
