import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../dev/demo/people.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { launchChromium } from '../support/browser.ts';
import { startOwnTestGraph, type OwnTestGraph } from '../support/test-graph.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshot = (name: string) => join(tmpdir(), `privacy-console-${name}.png`);

/** WCAG 2.1 A and AA, as axe-core checks them, on the page as it stands. */
async function accessibilityViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<any> } }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join('; ')})`);
  });
}

/** The privacy officer's console, in a real browser, against the real graph. */
describe('the privacy officer’s console', () => {
  let graph: OwnTestGraph;
  let browser: Browser;
  let page: Page;
  let alvasPersonnummer: string;
  beforeAll(async () => {
    graph = await startOwnTestGraph();
    const alva = await (graph.subgraphs.sip.prisma as any).child.findUnique({ where: { id: demoChildren.alva.id } });
    alvasPersonnummer = `${alva.personnummer.slice(0, 8)}-${alva.personnummer.slice(8)}`;
    // Some reads for the log and the pictures: the counsellor's, and a nurse's with no relation.
    for (const as of ['school counsellor', 'nurse outside every SIP'] as const)
      await graph.query(
        `query ($id: ID!) { child(id: $id) { careContacts { unitName } openSocialCase { caseNumber } } }`,
        { id: demoChildren.alva.id },
        as,
      );
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });
  const consoleUrl = () => new URL('/privacy/', graph.gateway.url).toString();
  const go = async (link: string) => {
    await page.getByRole('navigation').getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: link }).waitFor();
  };

  it('opens for a privacy officer only: other roles get a clear refusal', async () => {
    await page.goto(consoleUrl());
    await page.getByLabel('Token (Bearer)').fill(await graph.token('school counsellor'));
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Konsolen är bara för dataskyddsombud');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Its own endpoints refuse anyone else too.
    const policy = await fetch(new URL('/privacy/api/policy', graph.gateway.url), {
      headers: { authorization: `Bearer ${await graph.token('school counsellor')}` },
    });
    expect(policy.status).toBe(403);
  });

  it('signs the demo privacy officer in, and shows the pictures with their numbers', async () => {
    await page.getByRole('button', { name: 'Logga in som demo-dataskyddsombud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByRole('heading', { name: 'Läsningar per dag och verksamhet' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByRole('img', { name: /läsningar av personal under perioden/ }).count()).toBe(1);
    await page.screenshot({ path: screenshot('oversikt'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('reads the policy and compares the committed supergraph with a proposed one', async () => {
    await go('Policy');
    await page.getByRole('row', { name: /^Child\.careContacts Hälso/ }).waitFor();
    const proposed = readSupergraph().replace(
      'careContacts: [CareContact!] @join__field(graph: HEALTH) @consent(scope: "HEALTH_CARE_CONTACTS")',
      'careContacts: [CareContact!] @join__field(graph: HEALTH)',
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Föreslagen supergraf').click();
    await (
      await chooser
    ).setFiles({ name: 'supergraph.graphql', mimeType: 'text/plain', buffer: Buffer.from(proposed) });
    await page.getByRole('button', { name: 'Jämför' }).click();
    const differences = page.getByRole('region', { name: 'Skillnader i policyn' });
    await differences.getByText('Har förlorat sitt skydd (1)').waitFor();
    expect(await differences.textContent()).toContain('Child.careContacts: @consent(HEALTH_CARE_CONTACTS) → –');
    await page.screenshot({ path: screenshot('policy'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('looks a child up with a purpose, shows the consents over time, and the rule at a past moment', async () => {
    await go('Ett barns samtycken');
    const personnummer = page.getByLabel('Personnummer');
    await personnummer.fill(alvasPersonnummer.slice(0, -1) + String((Number(alvasPersonnummer.at(-1)) + 1) % 10));
    await page.getByRole('button', { name: 'Sök barnet' }).click();
    await page.getByText('kontrollsiffran stämmer inte').waitFor();
    await page.getByText('ange varför du söker barnet').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await personnummer.fill(alvasPersonnummer);
    await page.getByLabel('Syfte (loggas)').fill('Granskning av samtycken');
    await page.getByRole('button', { name: 'Sök barnet' }).click();
    await page.getByRole('heading', { name: 'Alva Lindqvist' }).waitFor();
    expect(await page.getByText('ny version av samtycke').count()).toBeGreaterThan(0);

    await page.getByLabel('Läsarens enhet').fill('Ekbackens skola');
    await page.getByLabel('Läsarens användar-id').fill('staff-school-ekbacken-1');
    // Years before Alva's consents: the rule refused.
    await page.getByLabel('Tidpunkt').fill('2020-01-01T12:00');
    await page.getByRole('button', { name: 'Pröva' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Nekat: /);
    await page.screenshot({ path: screenshot('barn'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters the log, refuses a time range the wrong way round, and exports it as CSV', async () => {
    await go('Loggen');
    await page.getByLabel('Från').fill('2030-01-02T00:00');
    await page.getByLabel('Till').fill('2030-01-01T00:00');
    await page.getByRole('button', { name: 'Sök i loggen' }).click();
    await page.getByText('"till" ligger före "från"').waitFor();
    await page.getByLabel('Från').fill('');
    await page.getByLabel('Till').fill('');
    await page.getByLabel('Enhet').fill('Vårdcentralen Norr');
    await page.getByRole('button', { name: 'Sök i loggen' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.nth(1).textContent()).toContain('Nekat: ingen relation till barnet');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Exportera till CSV/ }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFtid,barn,personnummer,läsare,användar-id,verksamhet,enhet,vad,fält,utfall,' +
        'utlämnat,samtycke,nödåtkomst,syfte',
    );
    expect(csv).toContain('Vårdcentralen Norr');
    await page.screenshot({ path: screenshot('logg'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('marks an item of the review reviewed, with a note', async () => {
    await go('Granskning');
    const first = page.getByRole('article').first();
    await first.waitFor();
    const title = await first.getByRole('heading').textContent();
    await first.getByRole('button', { name: 'Markera som granskad' }).click();
    await first.getByText('Anteckning: skriv vad du har granskat').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await first.getByLabel('Anteckning').fill('Kontrollerat med enheten; befogat.');
    await first.getByRole('button', { name: 'Markera som granskad' }).click();
    await expect.poll(() => page.getByRole('heading', { name: title!, exact: true }).count()).toBe(0);
    await page.getByText('Granskade', { exact: true }).click();
    await page.getByText('Kontrollerat med enheten; befogat.').waitFor();
    await page.screenshot({ path: screenshot('granskning'), fullPage: true });
  });
});
