// Settings of the exchange area, from the environment so an operator (or a
// crash test) can change them without code: how often the delivery worker
// runs (0 = never, which also stops the immediate delivery after sending) and
// how far back a search keeps watching for new alerts.
export interface ExchangeSettings {
  deliveryIntervalMs: number;
  watchWindowDays: number;
  watchSweepIntervalMs: number;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

export function exchangeSettings(): ExchangeSettings {
  return {
    deliveryIntervalMs: intFromEnv('PONTIS_DELIVERY_INTERVAL_MS', 2_000),
    watchWindowDays: intFromEnv('PONTIS_WATCH_WINDOW_DAYS', 30),
    watchSweepIntervalMs: intFromEnv('PONTIS_WATCH_SWEEP_INTERVAL_MS', 5 * 60_000),
  };
}

/** Delivery retries back off exponentially from 1 s up to an hour; after this many attempts the row fails. */
export const MAX_DELIVERY_ATTEMPTS = 20;
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
