import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestGraph, type TestGraph } from '../support/test-graph.ts';

/** The privacy officer's console and GraphiQL sign in through the identity provider, as the families' app does. */
describe('signing in to the console and GraphiQL with OpenID Connect', () => {
  let graph: TestGraph;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    graph = await startTestGraph();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs the privacy officer in through the provider, and takes no pasted token', async () => {
    await page.goto(new URL('/privacy/granskning', graph.gateway.url).toString());
    const signIn = page.getByRole('button', { name: 'Logga in med SITHS-kort' });
    await signIn.waitFor();
    expect(await page.getByLabel('Token (Bearer)').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn.click();
    await page.getByRole('button', { name: 'Dataskyddsombud', exact: true }).click();
    // Back on the page the sign-in began from.
    await page.getByRole('heading', { level: 1, name: 'Granskning' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy/granskning');
  });

  it('refuses staff who are not privacy officers, in words', async () => {
    // A page of its own is a browser of its own: no session at the provider yet.
    const staff = await browser.newPage();
    await staff.goto(new URL('/privacy/', graph.gateway.url).toString());
    await staff.getByRole('button', { name: 'Logga in med SITHS-kort' }).click();
    await staff.getByRole('button', { name: 'Karin Kurator, Ekbackens skola', exact: true }).click();
    await expect
      .poll(() => staff.getByRole('alert').first().textContent())
      .toContain('Konsolen är bara för dataskyddsombud');
    await staff.close();
  });

  it('signs a developer in to GraphiQL through the provider, and loads the schema with that token', async () => {
    const developer = await browser.newPage();
    await developer.goto(graph.gateway.url);
    await developer.getByRole('button', { name: 'Sign in' }).click();
    await developer.getByRole('button', { name: 'Karin Kurator, Ekbackens skola', exact: true }).click();
    await expect
      .poll(() => developer.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe('Signed in for this tab');
    expect(new URL(developer.url()).search).toBe('');
    const token = await developer.evaluate(() => sessionStorage.getItem('sip-graph.token'));
    const claims = JSON.parse(Buffer.from(token!.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: graph.identityProvider!.issuer, role: 'school_counsellor' });
    await developer.close();
  });
});
