// Writes screenshots of the main screens to docs/screenshots/ (shown in the
// README): a node with a small synthetic population and some activity, and
// Debian's Chromium signing in as each role and opening each screen.
//   npm run screenshots
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../test/web/browser.ts';
import { broadcastRapidAlert, personWithAlert, seedActivity, startWebNode } from '../test/web/fixtures.ts';
import { open, signIn, signOut } from '../test/web/pages.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(OUT, { recursive: true });

const web = await startWebNode({ persons: 1500 });
const seeded = await seedActivity(web);
const browser = await openBrowser();
const { page } = browser;
const shots: string[] = [];
const shot = async (name: string, fullPage = true) => {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: OUT + name, fullPage });
  shots.push(name);
};

try {
  await page.goto(web.url + '/');
  await page.getByLabel('User name').waitFor();
  await shot('sign-in.png', false);

  // The officer searches a wanted person and opens why it matched.
  await signIn(page, web.url, 'officer');
  const wanted = await personWithAlert(web.node, { notIssuer: 'nl-politie' });
  await page.getByLabel('Purpose').selectOption('police_check');
  await page.getByLabel('Case reference').fill('NL-2026-0417');
  await page.getByLabel('Search for').fill(wanted.query);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: /results?$/ }).waitFor();
  await page.locator('summary', { hasText: 'Why this matched' }).first().click();
  await shot('search.png');

  // An alert with hits and a follow-up thread.
  const withHits = await web.node.database.db.selectFrom('hits').select('alert_id').where('decision', '=', 'confirm').orderBy('created_at').limit(1).executeTakeFirst();
  await open(page, web.url, `/alerts/${withHits?.alert_id ?? wanted.alertId}`, /.+/);
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await shot('alert-detail.png');

  await open(page, web.url, '/alerts/new', 'New alert');
  await page.getByLabel('Category').selectOption('arrest');
  await page.getByLabel('Family name').fill('Kowalczyk');
  await page.getByLabel('Action to take on a hit').fill('Arrest; inform the SIRENE bureau at once.');
  await shot('alert-form.png');

  await signOut(page);

  await signIn(page, web.url, 'spoc');
  await broadcastRapidAlert(web, 'Compromised webmail accounts: reset passwords');
  await open(page, web.url, '/inbox', 'Inbox');
  await page.getByTestId('rapid-alert').first().waitFor();
  await shot('inbox.png');
  if (seeded.incomingThreadId) {
    await open(page, web.url, `/inbox/threads/${seeded.incomingThreadId}`, /.+/);
    await page.getByLabel('Message').fill('Thank you. The warrant follows within the hour through SIRENE.');
    await shot('thread.png');
  }
  await signOut(page);

  await signIn(page, web.url, 'analyst');
  await open(page, web.url, '/identity', 'Identities to verify');
  await shot('identity-queue.png', false);
  const firstLink = page.getByRole('link', { name: /^Review / }).first();
  if (await firstLink.count()) {
    await firstLink.click();
    await page.getByRole('heading', { level: 1, name: 'Are these the same person?' }).waitFor();
    await shot('identity-link.png');
  }
  await open(page, web.url, '/threat', 'Threat picture');
  await page.getByTestId('kpis').waitFor();
  await shot('threat-picture.png');
  await signOut(page);

  await signIn(page, web.url, 'dpo');
  await open(page, web.url, '/audit', 'Audit trail');
  await page.getByRole('button', { name: 'Run verification' }).click();
  await page.getByTestId('verify-result').waitFor();
  await page.getByRole('button', { name: 'Query' }).click();
  await page.getByTestId('audit-count').waitFor();
  await shot('audit.png', false);
} finally {
  await browser.close();
  await web.close();
}
console.log(`Wrote ${shots.length} screenshots to docs/screenshots/: ${shots.join(', ')}`);
