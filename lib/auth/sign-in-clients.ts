/**
 * The graph's own sign-in clients, registered with the identity provider: public clients (no
 * secret; authorization code with PKCE), each redirected back to the page it signs in from.
 */
export const SIGN_IN_CLIENTS = {
  family: { clientId: 'sip-family', path: '/familj/' },
  workspace: { clientId: 'sip-workspace', path: '/samordning/' },
  privacyConsole: { clientId: 'sip-privacy-console', path: '/privacy/' },
  graphiql: { clientId: 'sip-graphiql', path: '/' },
} as const;
export type SignInClient = keyof typeof SIGN_IN_CLIENTS;

/** The graph as the resource its access tokens are for (RFC 8707): their `aud` is the graph's audience. */
export const GRAPH_RESOURCE = 'urn:sip-graph';
/** The scope an app asks for to call the graph. */
export const GRAPH_SCOPE = 'graph';

/**
 * What the apps need to sign in, as the gateway serves it at /auth/config.json: the provider's
 * endpoints, each app's client id, and what to ask for.
 */
export interface SignInConfig {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint: string | null;
  resource: string;
  scope: string;
  clients: Record<SignInClient, string>;
}
