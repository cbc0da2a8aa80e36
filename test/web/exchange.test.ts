// The follow-up and identity screens in a real browser: a single point of
// contact reads a hit notification, answers it with a file, sees a rapid
// alert arrive live and acknowledges it; an analyst verifies a yellow
// identity link side by side and sees the person's cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openBrowser, type TestBrowser } from './browser.ts';
import { broadcastRapidAlert, seedActivity, startWebNode, type WebNode } from './fixtures.ts';
import { open, signIn, signOut } from './pages.ts';

let web: WebNode;
let browser: TestBrowser;
let seeded: Awaited<ReturnType<typeof seedActivity>>;

beforeAll(async () => {
  web = await startWebNode({ persons: 300 });
  seeded = await seedActivity(web, { detectIdentities: false });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('inbox and threads', () => {
  it('lists the hit notification, unread, with the count in the menu', async () => {
    expect(seeded.incomingThreadId).toBeDefined();
    const { page } = browser;
    await signIn(page, web.url, 'spoc');
    await open(page, web.url, '/inbox', 'Inbox');
    const item = page.locator('li.inbox-item.kind-hit_notification').first();
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('unread');
    expect(await item.textContent()).toContain('Hit notification');
    expect(Number(await page.getByTestId('unread-count').locator('[aria-hidden]').textContent())).toBeGreaterThanOrEqual(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens the thread with handling codes and the attachment, and answers with a file', async () => {
    const { page } = browser;
    await open(page, web.url, `/inbox/threads/${seeded.incomingThreadId}`, /^Hit on alert/);
    const incoming = page.locator('li.message.theirs', { hasText: 'Frankfurt airport' });
    await incoming.waitFor();
    expect(await incoming.textContent()).toContain('H1');
    expect(await incoming.textContent()).toContain('Restricted');
    // The attachment downloads with the bytes that were sent.
    const link = incoming.getByRole('link', { name: 'stop-report.txt' });
    const res = await page.request.get(web.url + (await link.getAttribute('href')));
    expect(res.status()).toBe(200);
    expect(await res.text()).toBe('Stop report: person identified at gate B42.\n');
    // Opening the thread marked it read for this user.
    await expect.poll(async () => (await web.node.database.db.selectFrom('message_reads').select('user_name').execute()).map((r) => r.user_name)).toContain('spoc');

    await page.getByLabel('Message', { exact: true }).fill('The warrant follows through SIRENE within the hour.');
    await page.getByLabel('Handling code').selectOption('H2');
    await page.getByLabel('Attach files').setInputFiles({ name: 'warrant.txt', mimeType: 'text/plain', buffer: Buffer.from('EAW 2026/0412\n') });
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = page.locator('li.message.mine', { hasText: 'The warrant follows' });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('H2');
    expect(await mine.getByRole('link', { name: 'warrant.txt' }).count()).toBe(1);
    const sent = await web.node.database.db.selectFrom('messages').selectAll().where('body', '=', 'The warrant follows through SIRENE within the hour.').execute();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.handling_code).toBe('H2');
    expect(sent[0]!.sender_authority_id).toBe('nl-politie');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a rapid alert the moment it is broadcast, and acknowledges it', async () => {
    const { page } = browser;
    await open(page, web.url, '/inbox', 'Inbox');
    await page.locator('.live-dot.on').waitFor();
    expect(await page.getByTestId('rapid-alert').count()).toBe(0);
    const id = await broadcastRapidAlert(web, 'Compromised webmail accounts');
    // No reload: it arrives over the event stream.
    const banner = page.getByTestId('rapid-alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Compromised webmail accounts');
    await page.locator('li.inbox-item.kind-rapid_alert', { hasText: 'Compromised webmail accounts' }).waitFor();
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    const acks = await web.node.database.db.selectFrom('acknowledgements').selectAll().where('message_id', '=', id).execute();
    expect(acks.map((a) => a.authority_id)).toEqual(['nl-politie']);
    await signOut(page);
  });
});

describe('identity', () => {
  it('verifies a yellow link with the two records side by side and resolves it red with a reason', async () => {
    const { page } = browser;
    await signIn(page, web.url, 'analyst');
    await open(page, web.url, '/identity', 'Identities to verify');
    expect(await page.getByTestId('queue-count').textContent()).toBe('0 Yellow links');
    // The analyst runs the detection; what it finds joins the queue.
    await page.getByRole('button', { name: 'Look for multiple identities now' }).click();
    const status = page.locator('.detect [role="status"]');
    await status.waitFor();
    const found = Number(/, (\d+) new links\.$/.exec((await status.textContent())!)![1]);
    expect(found).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toBe(`${found} Yellow links`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /^Review / }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Are these the same person?' }).waitFor();
    const linkId = page.url().split('/identity/links/')[1]!;
    const compare = page.getByTestId('compare');
    expect(await compare.locator('thead th').count()).toBe(3);
    // Every row marked as differing shows two different values.
    for (const row of await compare.locator('tr.differs').all()) {
      const [a, b] = await row.locator('td').allTextContents();
      expect(a).not.toBe(b);
    }
    await page.getByRole('radio', { name: /^Red/ }).check();
    await page.getByLabel('Reason').fill('Same fingerprints under two names; passport obtained with a false birth certificate.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded: Red.').waitFor();
    const row = await web.node.database.db.selectFrom('identity_links').selectAll().where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(row.status).toBe('red');
    expect(row.reason).toContain('Same fingerprints');
  });

  it('shows the person across sources with the decided link', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: /^All records of / }).first().click();
    await page.getByRole('heading', { level: 1, name: /^One person across sources/ }).waitFor({ timeout: 10_000 }).catch(async (err) => {
      console.log('URL', page.url(), (await page.locator('main').innerText()).slice(0, 500));
      throw err;
    });
    expect(await page.getByTestId('cluster-summary').textContent()).toMatch(/^([2-9]|\d\d+) records in \d+ sources, [1-9]\d* links\.$/);
    expect(await page.locator('ul.link-list .status-chip.status-red').count()).toBeGreaterThanOrEqual(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
