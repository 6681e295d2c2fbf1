import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAppPage, PHONE } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { settableClock } from '../support/consent-fixtures.ts';
import { startTestGraph, type TestGraph } from '../support/test-graph.ts';

const screenshot = (name: string) => join(tmpdir(), `workspace-${name}.png`);
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
  /** Every page checked with axe at both widths, never wider than the phone. */
  const checkPage = (name: string) => checkAppPage(page, name, screenshot(name));
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
  const book = () => page.getByRole('form', { name: 'Boka möte' });

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
  });

  it('starts a SIP a young person asked her agency for, from the worklist', async () => {
    const request = page.getByRole('region', { name: 'Familjer som har bett om en SIP' });
    await request.getByText(/har väntat 3 dagar/).waitFor();
    await request.getByRole('button', { name: 'Starta SIP' }).click();
    await request.getByLabel('Enhet inom Skola').fill('Ekbackens skola');
    await request.getByLabel('Din yrkesroll').fill('sjuksköterska');
    await checkPage('worklist-request');
    await request.getByRole('button', { name: 'Starta SIP:en' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hedda Strands SIP' }).waitFor();
    await page.getByText(/Ekbackens skola \(Skola\):/).waitFor();
    await signOut();
  });

  it('lets the coordinator book a meeting that summons everyone, by e-mail where they gave an address', async () => {
    await signInAs('Karin Kurator, Ekbackens skola');
    await page.getByRole('article', { name: 'Noahs SIP' }).getByRole('link', { name: 'Noah Karlsson' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noah Karlssons SIP' }).waitFor();
    await page.getByText(/Vårdcentralen Norr .*: ?kommer, Sofia Ström/).waitFor();
    await checkPage('sip');

    const startsAt = new Date(clock().getTime() + 24 * HOUR);
    await book().getByLabel('Slags möte').selectOption('AGENCY_PRE_MEETING');
    await book().getByLabel('Börjar').fill(localField(startsAt));
    await book()
      .getByLabel('Slutar')
      .fill(localField(new Date(startsAt.getTime() + HOUR)));
    await book().getByLabel('Hur', { exact: true }).selectOption('DIGITAL');
    await book().getByLabel('Länk').fill('https://meet.example/noah');
    await book().getByRole('button', { name: 'Boka och kalla' }).click();
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

  it('moves a meeting, summoning everyone again', async () => {
    const booked = meetings().getByRole('article').filter({ hasText: 'meet.example/noah' });
    const before = graph.mail!.messages().length;
    const startsAt = new Date(clock().getTime() + 72 * HOUR);
    const moving = meetings().getByRole('article').filter({ hasText: 'Familjecentralen' });
    await moving.getByRole('button', { name: 'Flytta' }).click();
    await moving.getByLabel('Börjar').fill(localField(startsAt));
    await moving.getByLabel('Slutar').fill(localField(new Date(startsAt.getTime() + HOUR)));
    await moving.getByRole('button', { name: 'Flytta och kalla igen' }).click();
    await expect
      .poll(
        () =>
          graph
            .mail!.messages()
            .slice(before)
            .filter((m) => /^Ny tid/.test(m.subject)).length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    await booked.waitFor();
  });

  it('writes the plan, with the category of each entry, signs it, and opens its copy as a PDF', async () => {
    await page.getByRole('button', { name: 'Skriv planen' }).click();
    const editor = page.getByRole('form', { name: 'Skriv en ny version av planen' });
    await editor.getByRole('button', { name: 'Lägg till behov' }).click();
    await editor.getByRole('textbox', { name: 'Behov 1', exact: true }).fill('Noah behöver en lugn skoldag.');
    await editor.getByRole('button', { name: 'Lägg till mål' }).click();
    await editor.getByRole('button', { name: 'Lägg till mål' }).click();
    await editor.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Noah är i skolan varje dag.');
    await editor.getByLabel('Mål 1: hur det mäts').fill('Närvaron');
    await editor.getByLabel('Mål 2: sikt').selectOption('LONG');
    await editor.getByRole('textbox', { name: 'Mål 2', exact: true }).fill('Noah klarar årskurs 6.');
    await editor.getByLabel('Mål 2: hur det mäts').fill('Betygen');
    await editor.getByLabel('Kategori (mål 2)').selectOption('SCHOOL_ATTENDANCE');
    await editor.getByLabel('Samordnarens telefon').fill('010-111 22 33');
    await editor.getByLabel('Samordnarens e-post').fill('karin.kurator@ekbacken.skola.example');
    await editor
      .getByLabel('Uppföljning senast')
      .fill(localField(new Date(clock().getTime() + 60 * 24 * HOUR)).slice(0, 10));
    await editor.getByLabel('Hur planen följs upp').fill('Uppföljningsmöte med alla');
    await editor.getByRole('button', { name: 'Spara versionen' }).click();
    // It says who will not see what, under the family's consent: the school's attendance is the school's.
    await editor.getByText(/^Version 1 är sparad .* Jonas Lind ser inte mål 2 \(kategorin omfattas inte\)/).waitFor();
    await checkPage('sip-plan-written');
    const plan = page.getByRole('region', { name: 'Planen' });
    await plan.getByText('Behov: Noah behöver en lugn skoldag.').waitFor();
    await plan.getByRole('button', { name: 'Skriv under' }).click();
    await expect
      .poll(() => plan.getByText(/^Väntar på underskrift av/).textContent(), { timeout: 30_000 })
      .not.toContain('Karin Kurator');
    const [pdf] = await Promise.all([
      page.waitForEvent('popup'),
      plan.getByRole('button', { name: 'Öppna planen som PDF' }).click(),
    ]);
    expect(pdf.url()).toMatch(/^blob:/);
    await pdf.close();
  });

  it('calls a meeting off with a reason everyone is told', async () => {
    const startsAt = new Date(clock().getTime() + 48 * HOUR);
    await book().getByLabel('Slags möte').selectOption('FAMILY_PRE_MEETING');
    await book().getByLabel('Börjar').fill(localField(startsAt));
    await book()
      .getByLabel('Slutar')
      .fill(localField(new Date(startsAt.getTime() + HOUR)));
    await book().getByLabel('Hur', { exact: true }).selectOption('PHONE');
    await book().getByRole('button', { name: 'Boka och kalla' }).click();
    const booked = meetings().getByRole('article').filter({ hasText: 'Telefon' });
    await booked.getByRole('button', { name: 'Ställ in' }).click();
    await booked.getByLabel('Varför mötet ställs in').fill('Familjen är sjuk och vill ses nästa vecka.');
    await booked.getByRole('button', { name: 'Ställ in mötet' }).click();
    await meetings().getByText('Inställt: Familjen är sjuk och vill ses nästa vecka.').waitFor();
  });

  it('records a follow-up meeting with what came of each intervention the coordinator sees', async () => {
    await page.getByRole('link', { name: 'Att göra' }).click();
    await page.getByRole('article', { name: 'Alvas SIP' }).getByRole('link', { name: 'Alva Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alva Lindqvists SIP' }).waitFor();
    const startsAt = new Date(clock().getTime() + 24 * HOUR);
    await book().getByLabel('Slags möte').selectOption('FOLLOW_UP');
    await book().getByLabel('Börjar').fill(localField(startsAt));
    await book()
      .getByLabel('Slutar')
      .fill(localField(new Date(startsAt.getTime() + HOUR)));
    await book().getByLabel('Plats').fill('Ekbackens skola, rum 12');
    await book().getByLabel('Sekreterare', { exact: true }).selectOption({ label: 'Karin Kurator' });
    await book().getByRole('button', { name: 'Boka och kalla' }).click();
    const followUp = meetings().getByRole('article').filter({ hasText: 'rum 12' });
    await followUp.waitFor();

    clock.set(new Date(startsAt.getTime() + HOUR));
    await followUp.getByRole('button', { name: 'Anteckna att mötet hölls' }).click();
    const done = followUp.getByRole('textbox', { name: /^Vad som gjordes/ });
    await done.first().waitFor();
    for (const field of await done.all()) await field.fill('Samtal varje vecka som planerat.');
    for (const field of await followUp.getByRole('textbox', { name: /^Vad som ändras/ }).all())
      await field.fill('Inget ändras.');
    await followUp.getByLabel('Anteckningar från mötet').fill('Alva mår bättre och går till skolan oftare.');
    await followUp.getByRole('button', { name: 'Spara närvaron' }).click();
    await followUp.getByText('Hållet').waitFor();
    await checkPage('sip-follow-up-held');
  });

  it('adds staff found in their agency’s catalogue by name, never by a login id', async () => {
    await page.getByLabel('Verksamhet att bjuda in').selectOption('SOCIAL_SERVICES');
    await page.getByLabel('Enhet att bjuda in').fill('Familjebehandlingen');
    await page.getByRole('button', { name: 'Bjud in', exact: true }).click();
    await page.getByText(/^Familjebehandlingen \(Socialtjänst\):/).waitFor();
    await page.getByLabel('Verksamhet', { exact: true }).selectOption('HEALTH_CARE');
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
