// The officer's path in a real browser: sign in by typing, see who you are,
// search with the keyboard only, read the action and why it matched, confirm
// the hit (which notifies the issuing authority), switch to Dutch; create an
// alert with a form that follows the category's rules, edit it, and read its
// detail with history and hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openBrowser, type TestBrowser } from './browser.ts';
import { personWithAlert, startWebNode, type WebNode } from './fixtures.ts';
import { open, signIn } from './pages.ts';

let web: WebNode;
let browser: TestBrowser;

beforeAll(async () => {
  web = await startWebNode({ persons: 300 });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** Presses Tab until the focused element satisfies `done` (evaluated in the page); fails after 40 presses. */
async function tabUntil(done: () => boolean, wantedAlert?: string): Promise<void> {
  const { page } = browser;
  if (wantedAlert) await page.evaluate((id) => ((window as unknown as { wantedAlert: string }).wantedAlert = id), wantedAlert);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(done)) return;
  }
  throw new Error('the keyboard never reached the element');
}

describe('sign in and search', () => {
  it('shows the sign-in form without accessibility violations and refuses a wrong password', async () => {
    const { page } = browser;
    await page.goto(web.url + '/');
    await page.getByLabel('User name').fill('officer');
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Sign-in failed|Something went wrong/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs in by typing and shows the user, authority and role', async () => {
    const { page } = browser;
    await signIn(page, web.url, 'officer');
    expect(await page.getByTestId('who-user').textContent()).toBe('Signed in as officer');
    expect(await page.getByTestId('who-authority').textContent()).toBe('Politie Nederland (NLD)');
    expect(await page.getByTestId('who-roles').textContent()).toBe('Roles: police officer');
    // An officer has no audit screen; a DPO's menu entry must not show.
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });

  it('searches with the keyboard only and shows the action to take and why it matched', async () => {
    const { page } = browser;
    const wanted = await personWithAlert(web.node, { notIssuer: 'nl-politie' });
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    // Only keys from here: Tab from the top of the page to the purpose, pick it, type the case and the query, Enter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil(() => document.activeElement?.id === 'purpose');
    await page.keyboard.press('ArrowDown'); // first purpose: police check
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case');
    await page.keyboard.type('NL-2026-0001');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type(wanted.query);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /results?$/ });
    await heading.waitFor();
    // Focus moves to the results so a screen-reader user hears the count.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    const card = page.locator('li.hit', { has: page.locator(`a[href="/alerts/${wanted.alertId}"]`) });
    await card.waitFor();
    expect(await card.locator('.action').textContent()).toContain(wanted.action);
    // Tab on to this hit's "Why this matched" and open it with Enter.
    await tabUntil(() => document.activeElement?.tagName === 'SUMMARY' && !!document.activeElement.closest('li.hit')?.querySelector(`a[href="/alerts/${(window as unknown as { wantedAlert: string }).wantedAlert}"]`), wanted.alertId);
    await page.keyboard.press('Enter');
    const rows = card.locator('table.waterfall tbody tr');
    await rows.first().waitFor();
    const fields = await card.locator('table.waterfall tbody th').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['surname', 'birth date']));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('remembers purpose and case for the session and confirms a hit, notifying the issuing authority', async () => {
    const { page } = browser;
    const wanted = await personWithAlert(web.node, { notIssuer: 'nl-politie' });
    const card = page.locator('li.hit', { has: page.locator(`a[href="/alerts/${wanted.alertId}"]`) });
    await card.getByRole('button', { name: 'Confirm hit' }).click();
    // Focus lands in the "action taken" box.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('Stopped at the border and identified.');
    await card.getByRole('button', { name: 'Confirm and notify' }).click();
    const note = card.getByRole('status');
    await note.waitFor();
    expect(await note.textContent()).toContain('has been notified');
    const hits = await web.node.database.db.selectFrom('hits').selectAll().where('alert_id', '=', wanted.alertId).execute();
    expect(hits).toHaveLength(1);
    expect(hits[0]!.decision).toBe('confirm');
    expect(hits[0]!.action_taken).toBe('Stopped at the border and identified.');
    expect(hits[0]!.case_reference).toBe('NL-2026-0001');
    // Reloading keeps purpose and case (asked once per session).
    await page.reload();
    await page.getByLabel('Case reference').waitFor();
    expect(await page.getByLabel('Case reference').inputValue()).toBe('NL-2026-0001');
    expect(await page.getByLabel('Purpose').inputValue()).toBe('police_check');
  });

  it('switches the interface to Dutch and back', async () => {
    const { page } = browser;
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    expect(await page.getByTestId('who-user').textContent()).toBe('Aangemeld als officer');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  });
});

describe('alerts', () => {
  let alertId = '';

  it('adapts the form to the category and validates as one types', async () => {
    const { page } = browser;
    await open(page, web.url, '/alerts', 'Alerts');
    await page.getByRole('link', { name: 'New alert' }).click();
    await page.getByRole('heading', { level: 1, name: 'New alert' }).waitFor();
    await page.getByLabel('Category').selectOption('arrest');
    // The rule of the category is stated, and an arrest is only ever on a person.
    expect(await page.locator('#form-rule').textContent()).toContain('warrant');
    expect(await page.locator('#f-subjectType option').allTextContents()).toEqual(['Person']);
    await page.getByLabel('Family name').fill('Kowalczyk');
    await page.getByLabel('Given names').fill('Jan');
    await page.getByLabel('Date of birth').fill('1990-13');
    // Typing a malformed birth date shows the problem at once, before submitting.
    expect(await page.locator('#f-birthDate-error').textContent()).toBe('Expected YYYY, YYYY-MM or YYYY-MM-DD.');
    await page.getByLabel('Date of birth').fill('1990-03-07');
    expect(await page.locator('#f-birthDate-error').count()).toBe(0);
    await page.getByLabel(/^Action to take on a hit/).fill('Arrest and inform the SIRENE bureau at once.');
    // The legal basis is what an arrest needs: submitting without it is stopped at that field.
    await page.getByRole('button', { name: 'Create alert' }).click();
    const legal = page.locator('#f-legalBasis-error');
    await legal.waitFor();
    expect(await legal.textContent()).toContain('legal basis');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-legalBasis');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel(/^Legal basis/).fill('European Arrest Warrant 2026/0412 of the Amsterdam court');
    expect(await page.getByTestId('issue-count').textContent()).toBe('All fields are valid.');
    await page.getByRole('button', { name: 'Create alert' }).click();
    await page.getByRole('heading', { level: 1, name: /^Arrest: .*Kowalczyk/i }).waitFor();
    alertId = page.url().split('/alerts/')[1]!;
    expect(await page.locator('.action-card .action').textContent()).toBe('Arrest and inform the SIRENE bureau at once.');
    expect(await page.locator('ol.history').textContent()).toContain('officer');
  });

  it('shows the server\'s problem next to the field it concerns', async () => {
    const { page } = browser;
    await open(page, web.url, '/alerts/new', 'New alert');
    await page.getByLabel('Category').selectOption('object_seizure');
    await page.getByLabel('Kind of object').selectOption('bank_account');
    await page.getByLabel('IBAN').fill('NL00ABNA0417164300'); // wrong check digits: only the server knows
    await page.getByLabel(/^Action to take on a hit/).fill('Freeze the account and inform the issuing authority.');
    await page.getByRole('button', { name: 'Create alert' }).click();
    const err = page.locator('#f-obj\\.iban-error');
    await err.waitFor();
    expect((await err.textContent())!.length).toBeGreaterThan(5);
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Something went wrong/);
  });

  it('edits the alert with a reason, and the detail shows the change in its history', async () => {
    const { page } = browser;
    await open(page, web.url, `/alerts/${alertId}`, /^Arrest:/);
    await page.getByRole('link', { name: 'Edit alert' }).click();
    await page.getByRole('heading', { level: 1, name: /^Edit alert/ }).waitFor();
    await page.getByLabel(/^Action to take on a hit/).fill('Arrest; the person may be armed.');
    await page.getByRole('button', { name: 'Save' }).click();
    // No reason for the change yet: the form says so and sends nothing.
    await page.locator('#f-changeReason-error').waitFor();
    await page.getByLabel(/^Why you make this change/).fill('New information from the investigation team.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: /^Arrest:/ }).waitFor();
    await page.locator('ol.history li', { hasText: 'New information' }).waitFor();
    expect(await page.locator('.action-card .action').textContent()).toBe('Arrest; the person may be armed.');
    // Newest first: the change, with what the action was and what it is now.
    const change = page.locator('ol.history > li').first();
    expect(await change.textContent()).toContain('New information from the investigation team.');
    const row = change.locator('table.diff tr', { has: page.locator('th', { hasText: 'action' }) });
    expect(await row.locator('del').textContent()).toBe('Arrest and inform the SIRENE bureau at once.');
    expect(await row.locator('ins').textContent()).toBe('Arrest; the person may be armed.');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lists the hits of an alert on its detail page', async () => {
    const { page } = browser;
    const wanted = await personWithAlert(web.node, { notIssuer: 'nl-politie' });
    await open(page, web.url, `/alerts/${wanted.alertId}`, /.+/);
    const row = page.locator('section', { has: page.getByRole('heading', { name: 'Hits' }) }).locator('tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Stopped at the border and identified.');
    expect(await row.textContent()).toContain('NL-2026-0001');
  });
});
