import { useEffect, useState } from 'react';
import type { GraphClient } from './graph-client.ts';
import { SESSION_EXPIRED } from './graph-client.ts';
import {
  beginSignIn,
  completeSignIn,
  fetchSignInConfig,
  signOutUrl,
  type SignInClient,
  type SignInConfig,
} from './oidc-client.ts';

/**
 * An app's sign-in: through the identity provider the gateway names, or a pasted token where it
 * names none. Back from the provider, the code becomes this tab's sign-in before any page asks the
 * graph; an expired sign-in is told, and signing in again returns to the same page with what was
 * typed kept (the pages keep their drafts in the tab). `path` is the app's own, e.g. /familj/.
 */
export function useSignIn(client: GraphClient, app: SignInClient, path: string) {
  const { tokenStore } = client;
  const [token, setToken] = useState(tokenStore.get());
  // undefined while the gateway is asked where to sign in; null where it names no provider.
  const [config, setConfig] = useState<SignInConfig | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const redirectUri = () => new URL(path, window.location.origin).href;

  useEffect(() => {
    const onExpired = () => setExpired(true);
    window.addEventListener(SESSION_EXPIRED, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED, onExpired);
  }, []);
  useEffect(() => {
    fetchSignInConfig().then(async (found) => {
      try {
        const signedIn = found && (await completeSignIn(found));
        if (signedIn) {
          tokenStore.set(signedIn.accessToken, signedIn.idToken);
          setToken(signedIn.accessToken);
          setExpired(false);
          // The provider sent the browser back to the page it left: the app shows that page.
          window.dispatchEvent(new PopStateEvent('popstate'));
        }
      } catch (error) {
        setProblem((error as Error).message);
      }
      setConfig(found);
    });
  }, [tokenStore]);

  return {
    token,
    config,
    problem,
    setProblem,
    expired,
    signIn: () => config && beginSignIn(config, app, redirectUri()),
    signInWithToken: (pasted: string) => {
      tokenStore.set(pasted.trim().replace(/^Bearer\s+/i, ''));
      setToken(tokenStore.get());
    },
    /** Ends the sign-in here, and at the provider where there is one (back to `path` once it has). */
    signOut: () => {
      const idToken = tokenStore.idToken();
      tokenStore.clear();
      setToken(null);
      setProblem(null);
      const atProvider = config && idToken && signOutUrl(config, app, idToken, redirectUri());
      if (atProvider) window.location.assign(atProvider);
      else {
        window.history.pushState(null, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }
    },
  };
}
