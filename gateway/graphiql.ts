import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * GraphiQL served from the installed packages, so the IDE works on a network without internet
 * (Apollo Server's default landing page loads Apollo Sandbox from a CDN).
 */
const require = createRequire(import.meta.url);
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);
const ASSETS: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  '/graphiql/graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

const EXAMPLE_QUERY = `# Choose a demo persona above, or
# paste a token printed by npm start.
# It stays in this tab only.
#
# Another agency's fields need the
# family's consent. A withheld field
# is null, with an error at its path
# (extensions.code, extensions.reason).
#
# Staff reach the children of the
# SIPs they take part in.
{
  mySips {
    status
    child {
      givenName
      familyName
      schoolPlacement { schoolName className }
      openSocialCase { caseNumber handlingOfficer }
      careContacts { unitName unitType }
    }
  }
}
`;

/**
 * The page's own script: a token bar above GraphiQL. The token lives in sessionStorage (this tab
 * only; GraphiQL's header persistence stays off), every request carries it, and the schema is
 * fetched only once there is one, and again whenever it changes. In development the gateway
 * offers the demo personas' tokens at /graphiql/personas.json.
 */
const PAGE_SCRIPT = `
const h = React.createElement;
const TOKEN_KEY = 'sip-graph.token';
const bare = (value) => value.trim().replace(/^Bearer\\s+/i, '');

// Signing in with OpenID Connect (code and PKCE) where the gateway names a provider: the flow of
// web/oidc-client.ts, written out here because this page is served without a bundler.
const PENDING = 'sip-graph.sign-in';
const b64url = (bytes) =>
  btoa(String.fromCharCode(...bytes)).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
const randomString = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => location.origin + '/';
async function beginSignIn(config) {
  const verifier = randomString();
  const state = randomString();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: config.clients.graphiql, redirect_uri: redirectUri(), response_type: 'code', scope: config.scope,
    resource: config.resource, code_challenge: b64url(new Uint8Array(digest)), code_challenge_method: 'S256', state,
  }).toString();
  location.assign(url.href);
}
async function completeSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/');
  if (!pending || params.get('state') !== pending.state) return null;
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.clients.graphiql, code_verifier: pending.verifier, resource: config.resource,
    }),
  });
  return response.ok ? (await response.json()).access_token : null;
}

function TokenBar({ token, onToken }) {
  const [personas, setPersonas] = React.useState([]);
  const [signIn, setSignIn] = React.useState(null);
  React.useEffect(() => {
    fetch('/graphiql/personas.json')
      .then((res) => (res.ok ? res.json() : []))
      .then(setPersonas, () => setPersonas([]));
    fetch('/auth/config.json')
      .then((res) => (res.ok ? res.json() : null))
      .then(async (config) => {
        setSignIn(config);
        const signedIn = config && (await completeSignIn(config));
        if (signedIn) onToken(signedIn);
      }, () => setSignIn(null));
  }, []);
  const chosen = personas.find((persona) => persona.token === token);
  return h('form', { className: 'sip-token-bar', onSubmit: (event) => event.preventDefault() },
    signIn && h('button', { type: 'button', onClick: () => beginSignIn(signIn) }, 'Sign in'),
    personas.length > 0 && h('label', { htmlFor: 'sip-persona' }, 'Demo persona'),
    personas.length > 0 && h('select', {
        id: 'sip-persona', value: chosen ? chosen.token : '', onChange: (event) => onToken(event.target.value) },
      h('option', { value: '' }, chosen || !token ? 'Choose…' : 'Own token'),
      personas.map((persona) => h('option', { key: persona.persona, value: persona.token }, persona.persona))),
    h('label', { htmlFor: 'sip-token' }, 'Bearer token'),
    h('input', {
      id: 'sip-token', type: 'password', autoComplete: 'off', spellCheck: false, value: token,
      placeholder: 'Paste a token', onChange: (event) => onToken(event.target.value) }),
    h('span', { role: 'status', className: 'sip-token-status' }, token ? 'Signed in for this tab' : 'No token'));
}

// Who a token names (the graph verifies it; this only chooses what the page offers).
const roleOf = (token) => {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '='))).role;
  } catch {
    return undefined;
  }
};
const FAMILY_ROLES = ['guardian', 'child'];

function FamilyNotice() {
  return h('p', { className: 'sip-family-notice', role: 'status' },
    'GraphiQL is for developers, and shows no schema documentation to a family member. ',
    'Families use their app: ',
    h('a', { href: '/familj/' }, 'Min familj (/familj)'), '. ',
    h('span', { lang: 'sv' }, 'GraphiQL är för utvecklare; familjer använder appen Min familj.'));
}

function Page() {
  const [token, setToken] = React.useState(() => sessionStorage.getItem(TOKEN_KEY) || '');
  const family = FAMILY_ROLES.includes(roleOf(token));
  const onToken = (value) => {
    const next = bare(value);
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(next);
  };
  const fetcher = React.useMemo(
    () => GraphiQL.createFetcher({ url: '/graphql', headers: token ? { Authorization: 'Bearer ' + token } : {} }),
    [token],
  );
  return h('div', { className: 'sip-page' },
    h(TokenBar, { token, onToken }),
    family && h(FamilyNotice),
    h('main', { className: 'sip-graphiql' },
      h(GraphiQL, {
        fetcher,
        // No token, no schema request: nothing to answer but 401. A family member's would be refused (403).
        schema: token && !family ? undefined : null,
        defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
        shouldPersistHeaders: false,
      })));
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(h(Page));
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>SIP graph</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
  <style>
    html, body, #graphiql { height: 100%; margin: 0; }
    .sip-page { display: flex; flex-direction: column; height: 100%; }
    .sip-token-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.5rem 1rem;
      font: 14px system-ui, sans-serif; border-bottom: 1px solid #ccc; }
    .sip-token-bar input { flex: 1; max-width: 40rem; }
    .sip-graphiql { flex: 1; min-height: 0; }
    .sip-family-notice { margin: 0; padding: 0.5rem 1rem; font: 14px system-ui, sans-serif; background: #fff4e5; }
  </style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>${PAGE_SCRIPT}</script>
</body>
</html>`;

export function sendGraphiQLPage(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(PAGE);
}

/** The demo personas' tokens the page offers, in development only. */
export type PersonaTokens = () => Promise<Array<{ persona: string; token: string }>>;

/**
 * The GraphiQL page's scripts and styles, mounted at /graphiql, and in development the demo
 * personas' tokens (a deployment passes no `personaTokens`, and the page offers none).
 */
export const graphiqlAssets =
  (personaTokens?: PersonaTokens): RequestHandler =>
  async (req, res, next) => {
    if (req.path === '/personas.json' && personaTokens) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(await personaTokens()));
      return;
    }
    const asset = ASSETS[`/graphiql${req.path}`];
    if (!asset) return next();
    res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
    res.end(await readFile(asset.file));
  };
