import type { RequestHandler } from 'express';
import { GRAPH_RESOURCE, GRAPH_SCOPE, SIGN_IN_CLIENTS, type SignInConfig } from '../lib/auth/sign-in-clients.ts';
import { sendJson } from '../lib/server/http-errors.ts';

/**
 * GET /auth/config.json: where the apps sign in (OpenID Connect, authorization code with PKCE), read
 * from the provider's discovery document once it answers. 404 where no provider is configured
 * (the apps then take a pasted token).
 */
export function signInConfig(issuer: string | undefined): RequestHandler {
  let known: Promise<SignInConfig> | null = null;
  const discover = async (from: string): Promise<SignInConfig> => {
    const response = await fetch(new URL('/.well-known/openid-configuration', from));
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const document = (await response.json()) as Record<string, string | undefined>;
    return {
      issuer: document.issuer ?? from,
      authorizationEndpoint: document.authorization_endpoint!,
      tokenEndpoint: document.token_endpoint!,
      endSessionEndpoint: document.end_session_endpoint ?? null,
      resource: GRAPH_RESOURCE,
      scope: `openid ${GRAPH_SCOPE}`,
      clients: Object.fromEntries(
        Object.entries(SIGN_IN_CLIENTS).map(([app, { clientId }]) => [app, clientId]),
      ) as SignInConfig['clients'],
    };
  };
  return async (_req, res) => {
    if (!issuer) {
      sendJson(res, 404, { error: 'no identity provider is configured for signing in (AUTH_SIGN_IN_ISSUER)' });
      return;
    }
    known ??= discover(issuer);
    try {
      sendJson(res, 200, await known, { 'cache-control': 'no-store' });
    } catch {
      known = null;
      sendJson(res, 503, { error: 'the identity provider does not answer yet' });
    }
  };
}
