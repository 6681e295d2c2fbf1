import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../dev/demo/people.ts';
import { accessibilityViolations, checkAppPage, PHONE } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestGraph, type TestGraph } from '../support/test-graph.ts';

const screenshot = (name: string) => join(tmpdir(), `family-app-${name}.png`);

/** The families' app, on a phone and a desktop, in a real browser against the real graph, as demo family members. */
describe('the families’ app', () => {
  let graph: TestGraph;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    graph = await startTestGraph();
    // A read by the school counsellor, for the family's log.
    await graph.query(
      `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
      { id: demoChildren.alva.id },
      'school counsellor',
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PHONE });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const appUrl = () => new URL('/familj/', graph.gateway.url).toString();
  /** Every page checked with axe at both widths, never wider than the phone. */
  const checkPage = (name: string) => checkAppPage(page, name, screenshot(name));
  /** Through the identity provider: the app sends the browser there, the persona page stands in for e-legitimation. */
  const signInAs = async (name: string) => {
    await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Barn' }).waitFor();
  };

  /** Signing out ends the session at the provider too: back on the app's sign-in page once it has. */
  const signOut = async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.href === appUrl());
    await page.getByRole('button', { name: 'Logga in med e-legitimation' }).waitFor();
  };

  it('signs in through the identity provider with OpenID Connect (code and PKCE), choosing a demo person', async () => {
    const sent: string[] = [];
    page.on('request', (request) => sent.push(request.url()));
    await page.goto(appUrl());
    await page.getByRole('heading', { level: 1, name: 'Min familj' }).waitFor();
    await checkPage('sign-in');
    await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(page.url().startsWith(graph.identityProvider!.issuer)).toBe(true);
    for (const name of ['Maria Lindqvist', 'Juni Berg', 'Karin Kurator, Ekbackens skola'])
      await page.getByRole('button', { name, exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Maria Lindqvist', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Barn' }).waitFor();
    const authorize = new URL(sent.find((url) => url.startsWith(`${graph.identityProvider!.issuer}/auth?`))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    // Back on the app's own address, without the code in it.
    expect(new URL(page.url()).search).toBe('');
  });

  it('shows a guardian their child’s plan, consents and who read what, in words', async () => {
    await checkPage('children');
    await page.getByRole('link', { name: 'Alva Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alva Lindqvist' }).waitFor();
    const sip = page.getByRole('region', { name: 'Samordnad individuell plan (SIP)' });
    // The family sees the whole plan: the diagnosis the school does not.
    await sip.getByText('Alva har fått diagnosen depression (F32.1) och behöver behandling.').waitFor();
    await sip.getByText('Alla har skrivit under.').waitFor();
    // Who was invited, and how each unit answered.
    await sip.getByText(/BUP Norra \(.*\): kommer, Jonas Lind är med/).waitFor();
    const consents = page.getByRole('region', { name: 'Samtycken' });
    await consents
      .getByText(/Skolplacering/)
      .first()
      .waitFor();
    await consents
      .getByText(/personalen som är med i barnets SIP/)
      .first()
      .waitFor();
    const log = page.getByRole('region', { name: 'Vem har läst om Alva' });
    await log
      .getByText(/Karin Kurator \(skolkurator, Ekbackens skola, Skola\) fick se vårdkontakter, med stöd av samtycket/)
      .first()
      .waitFor();
    expect(await log.textContent()).not.toMatch(/CROSS_AGENCY|HEALTH_CARE_CONTACTS|SCOPE_NOT_COVERED/);
    await checkPage('child');
  });

  it('lets a guardian widen a consent, which waits until the other guardian says yes too', async () => {
    const consents = page.getByRole('region', { name: 'Samtycken' });
    await consents.getByRole('button', { name: 'Ändra eller begränsa' }).first().click();
    await consents.getByRole('checkbox', { name: 'Diagnoser' }).check();
    await consents.getByRole('button', { name: 'Spara den nya versionen' }).click();
    await consents.getByText('Väntar på att Johan Lindqvist också säger ja.').waitFor();
    await checkPage('consent-pending');
    await signOut();
    await signInAs('Johan Lindqvist');
    await page.getByRole('link', { name: 'Alva Lindqvist' }).click();
    const asJohan = page.getByRole('region', { name: 'Samtycken' });
    await asJohan.getByRole('button', { name: 'Jag säger också ja' }).click();
    await expect.poll(() => asJohan.getByText(/Väntar på att/).count()).toBe(0);
    expect(await asJohan.locator('p', { hasText: 'Uppgifter:' }).first().textContent()).toContain('Diagnoser');
  });

  it('places a block and lifts it, and answers SIP-kollen after the meeting', async () => {
    const blocks = page.getByRole('region', { name: 'Spärrar' });
    await blocks.getByRole('button', { name: 'Spärra uppgifter' }).click();
    await blocks.getByRole('checkbox', { name: 'Remisser' }).check();
    await blocks.getByRole('button', { name: 'Spärra', exact: true }).click();
    await blocks.getByText('remisser, för alla andra verksamheter.').waitFor();
    await blocks.getByRole('button', { name: 'Ta bort spärren' }).click();
    await blocks.getByText('Ni har inga spärrar.').waitFor();
    const sip = page.getByRole('region', { name: 'Samordnad individuell plan (SIP)' });
    for (const question of ['Blev du lyssnad på?', 'Förstod du vad som bestämdes?', 'Var mötet till hjälp?'])
      await sip.getByRole('radiogroup', { name: question }).getByRole('radio', { name: '4' }).check();
    await sip.getByRole('button', { name: 'Skicka svaret' }).click();
    await sip.getByText('Tack för att du svarade!').waitFor();
    await checkPage('forms');
  });

  it('refuses a second SIP in plain Swedish, keeping what was typed', async () => {
    const request = page.getByRole('region', { name: 'Be om en SIP' });
    await request.getByLabel('Vad behöver ni hjälp med?').fill('Vi vill ha hjälp med skolan.');
    await request.getByLabel('Skola').check();
    await request.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await expect
      .poll(() => request.getByRole('alert').textContent())
      .toBe('Barnet har redan en pågående SIP. Ta upp det i den i stället.');
    expect(await request.getByLabel('Vad behöver ni hjälp med?').inputValue()).toBe('Vi vill ha hjälp med skolan.');
  });

  it('lets a young person of 16 ask for a SIP themselves, and shows it waiting', async () => {
    await signOut();
    await signInAs('Juni Berg');
    await page.getByRole('link', { name: 'Juni Berg' }).click();
    const request = page.getByRole('region', { name: 'Be om en SIP' });
    await request.getByLabel('Vad behöver ni hjälp med?').fill('Jag orkar inte gå till skolan och vill ha hjälp.');
    await request.getByLabel('Skola').check();
    await request.getByLabel('Hälso- och sjukvård').check();
    await request.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await request.getByText('Väntar på svar').waitFor();
    // From 15 the young person reads their own plan's summary, easy to read, beside the rest.
    await page.getByRole('region', { name: 'Min plan' }).waitFor();
    await checkPage('request');
    const { sipRequestWorklist } = (
      await graph.query(`{ sipRequestWorklist { childName needs } }`, {}, 'school counsellor')
    ).data!;
    expect(sipRequestWorklist).toContainEqual({
      childName: 'Juni Berg',
      needs: 'Jag orkar inte gå till skolan och vill ha hjälp.',
    });
  });

  it('gives a young person a place for their own views, read only by whom they choose', async () => {
    await signOut();
    await signInAs('Elias Berg');
    await page.getByRole('link', { name: 'Elias Berg' }).click();
    const voice = page.getByRole('region', { name: 'Det här tycker jag' });
    await voice.getByText('Får läsas av: Jonas Lind').waitFor();
    await voice.getByLabel('Det här vill jag säga').fill('Jag vill vara med på hela mötet nästa gång.');
    await voice.getByRole('checkbox', { name: 'Sara Berg (vårdnadshavare)' }).check();
    await voice.getByRole('button', { name: 'Skicka' }).click();
    await voice.getByText('Får läsas av: Sara Berg').waitFor();
    await checkPage('voice');
  });

  it('asks to sign in again when the sign-in has expired, keeping what was typed', async () => {
    const request = page.getByRole('region', { name: 'Be om en SIP' });
    await request.getByLabel('Vad behöver ni hjälp med?').fill('Ett utkast jag inte vill skriva om.');
    // The graph no longer takes the tab's token, as when it has expired.
    await page.evaluate(() => sessionStorage.setItem('sip-family-token', 'expired'));
    await page.reload();
    const expired = page.getByRole('alert').filter({ hasText: 'Du behöver logga in igen' });
    await expired.waitFor();
    await expired.getByRole('button', { name: 'Logga in igen' }).click();
    // The provider still knows the person: straight back, signed in, with the draft.
    await request.getByLabel('Vad behöver ni hjälp med?').waitFor();
    expect(await request.getByLabel('Vad behöver ni hjälp med?').inputValue()).toBe(
      'Ett utkast jag inte vill skriva om.',
    );
    expect(await page.getByRole('alert').filter({ hasText: 'Du behöver logga in igen' }).count()).toBe(0);
  });

  it('keeps the sign-in in this tab only, and signing out ends it at the provider too', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('sip-family-token'));
    expect(token).toMatch(/^ey/);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token!);
    await signOut();
    expect(await page.evaluate(() => sessionStorage.getItem('sip-family-token'))).toBeNull();
    // Signing in again asks who you are: the provider's session ended too.
    await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });
});
