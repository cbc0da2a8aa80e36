// What a user does in the browser, shared by the browser tests and the
// screenshot script: signing in by typing, and waiting for a screen.
import type { Page } from 'playwright-core';
import { PASSWORD } from './fixtures.ts';

/** Signs in through the form as a user would, and waits for the signed-in frame. */
export async function signIn(page: Page, url: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(url + '/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who-user').waitFor();
}

/** Signs out (so the next sign-in in the same browser starts clean). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name').waitFor();
}

/** Navigates inside the app and waits for the screen's heading. */
export async function open(page: Page, url: string, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(url + path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
