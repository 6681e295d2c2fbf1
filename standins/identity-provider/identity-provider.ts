import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import type { JWK } from 'jose';
// @ts-expect-error oidc-provider ships no types of its own; the calls here are few and checked by the tests.
import Provider, { errors } from 'oidc-provider';
import { listen } from '../../lib/server/listen.ts';
import { memoryAdapter } from './memory-adapter.ts';
import { personaPage, type Account } from './persona-page.ts';
import { GRAPH_RESOURCE, GRAPH_SCOPE, SIGN_IN_CLIENTS } from '../../lib/auth/sign-in-clients.ts';

export interface IdentityProviderOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** The key it signs with (a private ES256 JWK); the graph verifies its tokens with the public half. */
  signingKey: JWK;
  /** The graph's audience: the `aud` of the access tokens it issues for the graph. */
  audience: string;
  /** Who may sign in, with the claims their access tokens carry. */
  accounts: readonly Account[];
}

export interface RunningIdentityProvider {
  /** Its issuer identifier, which the graph accepts in `iss`; discovery is under it. */
  issuer: string;
  /**
   * Registers the graph's sign-in clients at the origin where the gateway serves the apps, known
   * once the gateway listens; until then the provider answers 503.
   */
  serveAppsAt(appOrigin: string): void;
  stop(): Promise<void>;
}

const ACCESS_TOKEN_SECONDS = 60 * 60;
/** A working day: signing in again after it asks who you are again. */
const SESSION_SECONDS = 8 * 60 * 60;

// The logout confirmation, sent on by itself: the app already asked.
const logoutSource = async (ctx: { body: string }, form: string) => {
  ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Loggar ut</title></head>
<body>${form}<noscript><button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button></noscript>
<script>document.forms[0].appendChild(Object.assign(document.createElement('input'),
{type:'hidden',name:'logout',value:'yes'}));document.forms[0].submit();</script></body></html>`;
};

const renderError = async (ctx: { type: string; body: string }, out: { error_description?: string }) => {
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Inloggningen gick inte</title></head>
<body><main><h1>Inloggningen gick inte</h1><p>Gå tillbaka och försök igen.</p>
<p><small>${String(out.error_description ?? '').replace(/[&<>"']/g, '')}</small></p></main></body></html>`;
};

/**
 * The local stand-in of the municipality's identity provider: a real OpenID Provider
 * (`oidc-provider`) with the demo personas as its accounts and a page to choose one instead of
 * e-legitimation or SITHS. The graph's apps sign in with the authorization code flow and PKCE and
 * receive a JWT access token for the graph (resource indicator), which every service verifies
 * with the provider's key, as it would the municipality's.
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const server = createServer();
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, {
    port: options.port,
    host,
    portVariable: 'IDENTITY_PORT',
    service: 'the local identity provider',
  });
  const issuer = `http://${host}:${port}`;
  let handler: express.Express | null = null;
  server.on('request', (req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503, { 'content-type': 'text/plain' }).end('the identity provider is starting');
  });
  return {
    issuer,
    serveAppsAt: (appOrigin) => void (handler = providerApp(issuer, appOrigin, options)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LOOPBACK_NAMES: Record<string, string> = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' };

/**
 * The origins the apps are opened at: on this machine by name and by address alike (npm start
 * listens on 127.0.0.1, and the README sends people to localhost).
 */
function appOrigins(appOrigin: string): string[] {
  const url = new URL(appOrigin);
  const other = LOOPBACK_NAMES[url.hostname];
  if (!other) return [url.origin];
  const alias = new URL(url);
  alias.hostname = other;
  return [url.origin, alias.origin];
}

/** The provider and its sign-in pages, for the apps at `appOrigin`. */
function providerApp(issuer: string, appOrigin: string, options: IdentityProviderOptions): express.Express {
  const accounts = new Map(options.accounts.map((claims) => [claims.sub, claims]));
  const origins = appOrigins(appOrigin);
  const provider = new Provider(issuer, {
    clients: Object.values(SIGN_IN_CLIENTS).map(({ clientId, path }) => ({
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: origins.map((origin) => new URL(path, origin).href),
      post_logout_redirect_uris: origins.map((origin) => new URL(path, origin).href),
    })),
    jwks: { keys: [{ ...options.signingKey, kid: 'local-1', alg: 'ES256', use: 'sig' }] },
    // Its one key is ES256, as the graph's verification expects: ID tokens are signed with it too.
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    adapter: memoryAdapter(),
    // The apps call the token endpoint from the page they are served on.
    clientBasedCORS: (_ctx: unknown, origin: string) => origins.includes(origin),
    async findAccount(_ctx: unknown, id: string) {
      const claims = accounts.get(id);
      return claims && { accountId: id, claims: async () => ({ sub: id, name: claims.name }) };
    },
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_SECONDS,
      Interaction: 600,
      Session: SESSION_SECONDS,
      Grant: SESSION_SECONDS,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => GRAPH_RESOURCE,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx: unknown, indicator: string) {
          if (indicator !== GRAPH_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: GRAPH_SCOPE,
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_SECONDS,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    // The graph reads who someone is from the access token: role, and for staff agency and unit.
    async extraTokenClaims(_ctx: unknown, token: { kind: string; accountId: string }) {
      if (token.kind !== 'AccessToken') return undefined;
      const { sub: _sub, ...claims } = accounts.get(token.accountId) ?? {};
      return claims;
    },
    renderError,
  });

  const app = express();
  app.get('/interaction/:uid', async (req, res) => {
    await provider.interactionDetails(req, res);
    res.type('html').send(personaPage(`/interaction/${req.params.uid}/login`, options.accounts));
  });
  app.post('/interaction/:uid/login', express.urlencoded({ extended: false }), async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const accountId = String(req.body?.account ?? '');
    if (!accounts.has(accountId)) {
      res.status(400).type('text').send('no such account');
      return;
    }
    // Signing in is consenting to the graph for the graph's own clients: there is no third party here.
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(GRAPH_RESOURCE, GRAPH_SCOPE);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: false },
    );
  });
  app.use(provider.callback());
  // An interaction that expired or was never started: a page in words, not a stack trace.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res
      .status(400)
      .type('html')
      .send(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Inloggningen gick inte</title></head>' +
          '<body><main><h1>Inloggningen gick inte</h1><p>Börja om från appen och logga in igen.</p></main>' +
          '</body></html>',
      );
  });
  return app;
}
