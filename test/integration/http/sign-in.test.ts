import { beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

/** The apps' sign-in against the local OpenID provider: what it refuses, before any browser is involved. */
describe('signing in with OpenID Connect', () => {
  let graph: TestGraph;
  let config: Record<string, any>;
  beforeAll(async () => {
    graph = await startTestGraph({ seed: false });
    config = await (await fetch(new URL('/auth/config.json', graph.gateway.url))).json();
  });
  const authorize = (params: Record<string, string>) => {
    const url = new URL(config.authorizationEndpoint);
    url.search = new URLSearchParams({
      client_id: config.clients.family,
      redirect_uri: new URL('/familj/', graph.gateway.url).href,
      response_type: 'code',
      scope: config.scope,
      resource: config.resource,
      state: 'state-1',
      ...params,
    }).toString();
    return fetch(url, { redirect: 'manual' });
  };

  it('names the provider, its endpoints and the apps’ clients at /auth/config.json', () => {
    expect(config).toEqual({
      issuer: graph.identityProvider!.issuer,
      authorizationEndpoint: `${graph.identityProvider!.issuer}/auth`,
      tokenEndpoint: `${graph.identityProvider!.issuer}/token`,
      endSessionEndpoint: `${graph.identityProvider!.issuer}/session/end`,
      resource: 'urn:sip-graph',
      scope: 'openid graph',
      clients: {
        family: 'sip-family',
        workspace: 'sip-workspace',
        privacyConsole: 'sip-privacy-console',
        graphiql: 'sip-graphiql',
      },
    });
  });

  it('sends a sign-in with PKCE to its own page to choose who you are', async () => {
    const response = await authorize({
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/interaction\//);
  });

  it('takes the app opened at localhost as well as at 127.0.0.1, where the gateway listens', async () => {
    const byName = new URL('/familj/', graph.gateway.url);
    byName.hostname = byName.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const response = await authorize({
      redirect_uri: byName.href,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/interaction\//);
  });

  it('refuses a sign-in without PKCE, back to the app with the error', async () => {
    const response = await authorize({});
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(new URL('/familj/', graph.gateway.url).href);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/requires PKCE/);
  });

  it('never sends a code to an address the app did not register, and says so in Swedish', async () => {
    const response = await authorize({
      redirect_uri: 'https://attacker.example/familj/',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Inloggningen gick inte');
  });
});
