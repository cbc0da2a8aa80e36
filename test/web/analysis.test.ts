// The analyst's threat picture and the data-protection officer's audit
// screen in a real browser: charts and figures that match the data, filters,
// CSV export and the print layout; the chain verification, a query by case
// and a data-subject report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openBrowser, type TestBrowser } from './browser.ts';
import { seedActivity, startWebNode, type WebNode } from './fixtures.ts';
import { open, signIn, signOut } from './pages.ts';
import { threatPicture } from '../../src/services/stats/index.ts';

let web: WebNode;
let browser: TestBrowser;
let seeded: Awaited<ReturnType<typeof seedActivity>>;

beforeAll(async () => {
  web = await startWebNode({ persons: 300 });
  seeded = await seedActivity(web);
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const kpi = async (name: string) => {
  const dd = browser.page.getByTestId('kpis').locator('div', { has: browser.page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
  return Number((await dd.textContent())!.replace(/[^\d]/g, ''));
};

describe('threat picture', () => {
  it('shows the searches and hits the node recorded, as figures and charts', async () => {
    const { page } = browser;
    await signIn(page, web.url, 'analyst');
    await open(page, web.url, '/threat', 'Threat picture');
    await page.getByTestId('kpis').waitFor();
    expect(await kpi('Searches')).toBe(seeded.searches);
    expect(await kpi('Confirmed hits')).toBe(seeded.confirmed);
    const truth = await threatPicture(web.node, await web.actor('analyst'), {});
    expect(await kpi('Alerts in force')).toBe(truth.totals.activeAlerts);
    // One line per measure over time, one bar per EMPACT priority (all ten, with zeros).
    expect(await page.locator('svg.time-chart polyline').count()).toBe(3);
    const empact = page.locator('section', { has: page.getByRole('heading', { name: 'By EMPACT crime priority' }) });
    expect(await empact.locator('svg text.row-label').count()).toBeGreaterThanOrEqual(10);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters by category and says that searches are not filtered by it', async () => {
    const { page } = browser;
    const truth = await threatPicture(web.node, await web.actor('analyst'), { category: 'arrest' });
    await page.getByLabel('Category', { exact: true }).selectOption('arrest');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Searches carry no alert category').waitFor();
    expect(await kpi('Alerts in force')).toBe(truth.totals.activeAlerts);
    expect(await kpi('Confirmed hits')).toBe(truth.totals.confirmedHits);
    const rows = await page.locator('section', { has: page.getByRole('heading', { name: 'By alert category' }) }).locator('svg text.row-label').allTextContents();
    expect(rows).toEqual(truth.byCategory.length ? ['Arrest'] : []);
  });

  it('exports the same figures as CSV', async () => {
    const { page } = browser;
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain('category=arrest');
    const res = await page.request.get(web.url + href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,key,searches,searches_with_hit,confirmed_hits,dismissed_hits,active_alerts');
    const totals = lines[1]!.split(',');
    expect(totals[0]).toBe('totals');
    expect(Number(totals[2])).toBe(seeded.searches);
  });

  it('prints as a report without menus, filters or buttons', async () => {
    const { page } = browser;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('svg.time-chart').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('refuses a malformed period with a precise error', async () => {
    const { page } = browser;
    const res = await page.request.get(web.url + '/api/v1/stats/threat-picture?from=2026-05-01&to=2026-04-01');
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.errors[0].path).toBe('from');
    await signOut(page);
  });
});

describe('audit (data-protection officer)', () => {
  it('runs the chain verification and shows that the trail is intact', async () => {
    const { page } = browser;
    await signIn(page, web.url, 'dpo');
    // A DPO cannot search: the start page is the first screen the role allows.
    await page.getByRole('heading', { level: 1, name: 'Threat picture' }).waitFor();
    expect(await page.getByRole('link', { name: 'Search' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(1);
    await open(page, web.url, '/audit', 'Audit trail');
    await page.getByRole('button', { name: 'Run verification' }).click();
    const verdict = page.getByTestId('verify-result');
    await verdict.waitFor();
    expect(await verdict.locator('.verdict-line').textContent()).toBe('The audit trail is complete and unaltered.');
    expect(await verdict.textContent()).toMatch(/[1-9][\d,]* entries checked/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('queries the trail by case and shows who searched, for what purpose', async () => {
    const { page } = browser;
    await page.getByLabel('Case reference').fill('NL-2026-100');
    await page.getByRole('button', { name: 'Query' }).click();
    await page.getByTestId('audit-count').waitFor();
    const rows = page.locator('table.audit tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('NL-2026-100');
    expect(await rows.first().textContent()).toContain('officer');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('produces a data-subject report for a person', async () => {
    const { page } = browser;
    const person = await web.node.database.db.selectFrom('persons').select(['id', 'display_name']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await page.getByLabel('Person record id').fill(person.id);
    await page.getByRole('button', { name: 'Produce report' }).click();
    const report = page.getByTestId('subject-report');
    await report.waitFor();
    expect(await report.textContent()).toContain(person.display_name);
    const doc = await page.request.get(web.url + (await page.getByRole('link', { name: 'Open as a document' }).getAttribute('href')));
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toContain('text/html');
  });
});
