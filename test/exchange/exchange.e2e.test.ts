// The exchange end to end through HTTP, on one running node shared by the
// suites (a node takes seconds to start on a busy machine): the path after a
// hit, rapid alerts over server-sent events, bad input at every endpoint, and
// the watch on recent searches.
import { afterAll, beforeAll } from 'vitest';
import { startExchangeNode, type ExchangeTestNode } from './http.ts';
import { afterAHitSuite } from './after-a-hit.suite.ts';
import { rapidAlertsSuite } from './rapid-alerts.suite.ts';
import { badInputSuite } from './bad-input.suite.ts';
import { watchSuite } from './watch.suite.ts';

let t: ExchangeTestNode | undefined;
beforeAll(async () => {
  t = await startExchangeNode();
});
afterAll(async () => {
  await t?.close();
});

const node = () => {
  if (!t) throw new Error('node not started');
  return t;
};
afterAHitSuite(node);
rapidAlertsSuite(node);
badInputSuite(node);
watchSuite(node);
