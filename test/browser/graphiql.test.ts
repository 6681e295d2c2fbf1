import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startOwnTestGraph, type OwnTestGraph } from '../support/test-graph.ts';

const screenshot = (name: string) => join(tmpdir(), name);

/** GraphiQL as a frontend developer meets it, in a real browser against the real graph. */
describe('GraphiQL at the gateway', () => {
  let graph: OwnTestGraph;
  let browser: Browser;
  let page: Page;
  /** The operations the page sent to /graphql, with what they answered. */
  const sent: Array<{ introspection: boolean; authorized: boolean; status: number }> = [];
  beforeAll(async () => {
    graph = await startOwnTestGraph();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('response', async (response) => {
      const request = response.request();
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      sent.push({
        introspection: (request.postData() ?? '').includes('__schema'),
        authorized: (await request.allHeaders()).authorization?.startsWith('Bearer ') ?? false,
        status: response.status(),
      });
    });
    await page.goto(graph.gateway.url);
    await page.getByLabel('Bearer token').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });
  const introspections = () => sent.filter((request) => request.introspection);

  it('asks for no schema before a token is set, so there is no stale 401', async () => {
    await page.waitForTimeout(1_000);
    expect(sent).toEqual([]);
    expect(await page.getByRole('status').textContent()).toBe('No token');
  });

  it('signs in with a demo persona, loads the schema and runs the default query', async () => {
    await page.getByLabel('Demo persona').selectOption({ label: 'school counsellor' });
    await expect.poll(() => introspections().length, { timeout: 60_000 }).toBe(1);
    expect(introspections()[0]).toEqual({ introspection: true, authorized: true, status: 200 });
    // The Docs panel lists the schema's root types once it has loaded.
    await page.getByRole('button', { name: /documentation/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query' }).click({ timeout: 60_000 });
    await docs.getByText('childByPersonnummer').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshot('graphiql-docs.png') });
    await page.getByRole('button', { name: /execute query/i }).click();
    await expect
      .poll(async () => page.locator('.result-window').textContent(), { timeout: 60_000 })
      .toContain('"mySips"');
  });

  it('keeps the token for this tab only, never in localStorage', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('sip-graph.token'));
    expect(token).toMatch(/^ey/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(token!);
    const otherTab = await browser.newPage();
    await otherTab.goto(graph.gateway.url);
    await otherTab.getByLabel('Bearer token').waitFor();
    expect(await otherTab.getByLabel('Bearer token').inputValue()).toBe('');
    await otherTab.close();
  });

  it('loads the schema again when the token changes', async () => {
    await page.getByLabel('Demo persona').selectOption({ label: 'privacy officer' });
    await expect.poll(() => introspections().length, { timeout: 60_000 }).toBe(2);
    expect(introspections()[1]).toMatchObject({ authorized: true, status: 200 });
  });

  it('tells a family member it is for developers, points to their app, and asks for no schema', async () => {
    const before = introspections().length;
    await page.getByLabel('Demo persona').selectOption({ label: 'guardian (Maria Lindqvist)' });
    await page.getByRole('link', { name: 'Min familj (/familj)' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'GraphiQL is for developers' }).count()).toBe(1);
    await page.waitForTimeout(1_000);
    expect(introspections().length).toBe(before);
    expect(sent.every((request) => request.status < 500)).toBe(true);
  });
});
