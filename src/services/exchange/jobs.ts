// Background jobs of the exchange area (registered in src/services/jobs.ts):
// the delivery worker and the watch sweep. PONTIS_DELIVERY_INTERVAL_MS=0
// switches delivery off entirely (the crash test uses it to hold messages in
// the outbox).
import type { BackgroundJob } from '../jobs.ts';
import { exchangeSettings } from './config.ts';
import { deliverPending } from './delivery.ts';
import { sweepWatches } from './watch.ts';

function jobs(): BackgroundJob[] {
  const settings = exchangeSettings();
  const list: BackgroundJob[] = [];
  if (settings.deliveryIntervalMs > 0) {
    list.push({ name: 'exchange.deliver', intervalMs: settings.deliveryIntervalMs, run: async (node) => void (await deliverPending(node)) });
  }
  if (settings.watchSweepIntervalMs > 0) {
    list.push({ name: 'exchange.watch-sweep', intervalMs: settings.watchSweepIntervalMs, run: async (node) => void (await sweepWatches(node)) });
  }
  return list;
}

export const exchangeJobs: BackgroundJob[] = jobs();
