/**
 * Signing in to the graph's apps with OpenID Connect: the authorization code flow with PKCE, from
 * the browser, against the identity provider the gateway names at /auth/config.json. The tokens
 * stay in this tab (sessionStorage), never in localStorage. Shared by the families' app, the
 * coordinator's workspace and the privacy officer's console.
 */

import type { SignInClient, SignInConfig } from '../lib/auth/sign-in-clients.ts';

export type { SignInClient, SignInConfig };

interface Pending {
  state: string;
  verifier: string;
  client: SignInClient;
  redirectUri: string;
  returnTo: string;
}

const PENDING = 'sip-sign-in-pending';

/** Where the apps sign in; null where the gateway names no identity provider (a pasted token, then). */
export async function fetchSignInConfig(): Promise<SignInConfig | null> {
  try {
    const response = await fetch('/auth/config.json');
    return response.ok ? ((await response.json()) as SignInConfig) : null;
  } catch {
    return null;
  }
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** Sends the browser to the identity provider; it comes back to `redirectUri` with a code. */
export async function beginSignIn(config: SignInConfig, client: SignInClient, redirectUri: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    state,
    verifier,
    client,
    redirectUri,
    returnTo: window.location.pathname + window.location.search,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: config.clients[client],
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: config.scope,
    resource: config.resource,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  window.location.assign(url.href);
}

export interface SignedIn {
  accessToken: string;
  idToken: string | null;
}

/**
 * On the page the provider sent the browser back to: exchanges the code for the tokens (with the
 * PKCE verifier), and puts back the address the sign-in began from. Null when this is no return
 * from the provider; throws, in Swedish, when it is one that cannot be completed.
 */
export async function completeSignIn(config: SignInConfig): Promise<SignedIn | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', pending?.returnTo ?? window.location.pathname);
  if (!pending || params.has('error') || params.get('state') !== pending.state)
    throw new Error('Inloggningen avbröts. Försök igen.');
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code')!,
      redirect_uri: pending.redirectUri,
      client_id: config.clients[pending.client],
      code_verifier: pending.verifier,
      resource: config.resource,
    }),
  }).catch(() => null);
  if (!response?.ok) throw new Error('Inloggningen gick inte att slutföra. Försök igen.');
  const tokens = (await response.json()) as { access_token: string; id_token?: string };
  return { accessToken: tokens.access_token, idToken: tokens.id_token ?? null };
}

/** Where to send the browser to sign out at the provider too; null when it offers no such thing. */
export function signOutUrl(config: SignInConfig, client: SignInClient, idToken: string, redirectUri: string) {
  if (!config.endSessionEndpoint) return null;
  const url = new URL(config.endSessionEndpoint);
  url.search = new URLSearchParams({
    id_token_hint: idToken,
    client_id: config.clients[client],
    post_logout_redirect_uri: redirectUri,
  }).toString();
  return url.href;
}
