import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { settableClock } from '../support/consent-fixtures.ts';
import { startTestGraph, type TestGraph } from '../support/test-graph.ts';

const screenshot = (name: string) => join(tmpdir(), `workspace-${name}.png`);
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const HOUR = 3_600_000;
const clock = settableClock(new Date().toISOString());
/** The value a datetime-local field takes for `at`, in the page's time zone (UTC). */
const localField = (at: Date) => at.toISOString().slice(0, 16);

/** The coordinator's workspace, on a phone and a desktop, in a real browser against the real graph, as demo staff. */
describe('the coordinator’s workspace', () => {
  let graph: TestGraph;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PHONE, timezoneId: 'UTC' });
    await page.goto(appUrl());
  });
  afterAll(async () => {
    await browser?.close();
  });
  const appUrl = () => new URL('/samordning/', graph.gateway.url).toString();
  /** Every page checked at both widths, never wider than the phone. */
  const checkPage = async (name: string) => {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      expect(await accessibilityViolations(page), `${name} at ${viewport.width}px`).toEqual([]);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshot(name), fullPage: true });
  };
  /** Through the identity provider, whose persona page stands in for the SITHS card. */
  const signInAs = async (name: string) => {
    await page.getByRole('button', { name: 'Logga in med SITHS-kort' }).click();
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.href === appUrl());
    await page.getByRole('button', { name: 'Logga in med SITHS-kort' }).waitFor();
  };
  const meetings = () => page.getByRole('region', { name: 'Möten' });

  it('shows a unit its overdue invitation, which the nurse accepts, after which the SIP is among hers', async () => {
    await checkPage('sign-in');
    await signInAs('Sofia Ström, Vårdcentralen Norr');
    await page.getByText('1 inbjudan väntar på svar, 1 försenad.').waitFor();
    await checkPage('worklist-with-invitation');
    await page.getByRole('link', { name: 'Till inkorgen' }).click();
    const invitation = page.getByRole('article', { name: 'Inbjudan: Noah Karlsson' });
    await invitation.getByText(/^Försenad: svar senast/).waitFor();
    await invitation.getByText(/Inbjuden av Karin Kurator, Ekbackens skola/).waitFor();
    await checkPage('inbox');

    await invitation.getByRole('button', { name: 'Vi kommer' }).click();
    await invitation.getByLabel('E-post för kallelser').fill('sofia.strom@vc-norr.region.example');
    await invitation.getByLabel('Din yrkesroll').fill('sjuksköterska');
    await invitation.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Inga inbjudningar väntar.').waitFor();
    await page.getByText('Ni kommer: Sofia Ström').waitFor();
    await checkPage('inbox-answered');

    await page.getByRole('link', { name: 'Att göra' }).click();
    await page.getByRole('article', { name: 'Noahs SIP' }).waitFor();
    await signOut();
  });

  it('lets the coordinator book a meeting that summons everyone, by e-mail where they gave an address', async () => {
    await signInAs('Karin Kurator, Ekbackens skola');
    await page.getByRole('article', { name: 'Noahs SIP' }).getByRole('link', { name: 'Noah Karlsson' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noah Karlssons SIP' }).waitFor();
    await page.getByText(/Vårdcentralen Norr .*: ?kommer, Sofia Ström/).waitFor();
    await checkPage('sip');

    const startsAt = new Date(clock().getTime() + 24 * HOUR);
    await page.getByLabel('Slags möte').selectOption('AGENCY_PRE_MEETING');
    await page.getByLabel('Börjar').fill(localField(startsAt));
    await page.getByLabel('Slutar').fill(localField(new Date(startsAt.getTime() + HOUR)));
    await page.getByLabel('Hur').selectOption('DIGITAL');
    await page.getByLabel('Länk').fill('https://meet.example/noah');
    await page.getByRole('button', { name: 'Boka och kalla' }).click();
    const booked = meetings().getByRole('article').filter({ hasText: 'meet.example/noah' });
    await booked.getByText(/Sofia Ström: e-post till sofia\.strom@vc-norr\.region\.example/).waitFor();
    await expect
      .poll(() => graph.mail!.messages().filter((m) => m.to.includes('sofia.strom@vc-norr.region.example')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    const [sent] = graph.mail!.messages().filter((m) => m.to.includes('sofia.strom@vc-norr.region.example'));
    expect(sent.subject).toMatch(/^Kallelse: förmöte/);
    expect(sent.calendar).toMatch(/METHOD:REQUEST/);
  });

  it('records who came to a meeting, and shows who did not', async () => {
    clock.set(new Date(clock().getTime() + 25 * HOUR + 10 * 60_000));
    const booked = meetings().getByRole('article').filter({ hasText: 'meet.example/noah' });
    await booked.getByRole('button', { name: 'Anteckna att mötet hölls' }).click();
    await booked.getByRole('checkbox', { name: 'Sofia Ström' }).uncheck();
    await booked.getByRole('button', { name: 'Spara närvaron' }).click();
    await meetings()
      .getByText(/Kom inte: Sofia Ström/)
      .waitFor();
    await checkPage('sip-meeting-held');
  });

  it('calls a meeting off with a reason everyone is told', async () => {
    const startsAt = new Date(clock().getTime() + 48 * HOUR);
    await page.getByLabel('Slags möte').selectOption('FAMILY_PRE_MEETING');
    await page.getByLabel('Börjar').fill(localField(startsAt));
    await page.getByLabel('Slutar').fill(localField(new Date(startsAt.getTime() + HOUR)));
    await page.getByLabel('Hur').selectOption('PHONE');
    await page.getByRole('button', { name: 'Boka och kalla' }).click();
    const booked = meetings().getByRole('article').filter({ hasText: 'Telefon' });
    await booked.getByRole('button', { name: 'Ställ in' }).click();
    await booked.getByLabel('Varför mötet ställs in').fill('Familjen är sjuk och vill ses nästa vecka.');
    await booked.getByRole('button', { name: 'Ställ in mötet' }).click();
    await meetings().getByText('Inställt: Familjen är sjuk och vill ses nästa vecka.').waitFor();
  });

  it('adds staff found in their agency’s catalogue by name, never by a login id', async () => {
    await page.getByLabel('Verksamhet').selectOption('HEALTH_CARE');
    await page.getByLabel('Namn', { exact: true }).fill('per');
    await page.getByRole('button', { name: 'Sök i katalogen' }).click();
    await page.getByText('Per Holm, psykolog, BUP Norra').waitFor();
    await checkPage('sip-directory');
    await page.getByRole('button', { name: 'Lägg till Per Holm' }).click();
    await page
      .getByRole('region', { name: 'Deltagare' })
      .getByText(/psykolog, BUP Norra, per\.holm@bup-norra\.region\.example/)
      .waitFor();
  });

  it('is for staff: a guardian is told so in words', async () => {
    await signOut();
    await page.getByRole('button', { name: 'Logga in med SITHS-kort' }).click();
    await page.getByRole('button', { name: 'Maria Lindqvist', exact: true }).click();
    await page.getByText('Samordningen är för personal i skola, socialtjänst och hälso- och sjukvård.').waitFor();
  });
});
