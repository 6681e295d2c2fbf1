import {
  Alert,
  Anchor,
  AppShell,
  Button,
  Container,
  Group,
  Loader,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import {
  beginSignIn,
  completeSignIn,
  fetchSignInConfig,
  signOutUrl,
  type SignInConfig,
} from '../../console/src/oidc-client.ts';
import { graphql, SESSION_EXPIRED, signedInAs, tokenStore } from './api.ts';
import { ChildPage } from './pages/ChildPage.tsx';
import { ChildrenPage } from './pages/ChildrenPage.tsx';

const FAMILY_ROLES = new Set(['guardian', 'child']);

/** The page the address names: /familj/ (the children) or /familj/barn/<id>. */
const childIdInPath = () => window.location.pathname.match(/^\/familj\/barn\/([^/]+)/)?.[1] ?? null;

export function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const REDIRECT_URI = () => new URL('/familj/', window.location.origin).href;

/**
 * Signing in: through the identity provider the gateway names (e-legitimation in production; the
 * demo personas on the local provider's page in development), or, where none is configured, with a
 * pasted token.
 */
function SignIn({ config, onSignedIn }: { config: SignInConfig | null; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) return;
    tokenStore.set(token.trim().replace(/^Bearer\s+/i, ''));
    onSignedIn();
  };
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>Min familj</Title>
        <Text>
          Här ser du ditt barns samordnade individuella plan (SIP), vilka samtycken ni har gett och vem som har läst
          uppgifter om barnet. Du kan också be om en SIP.
        </Text>
        {config ? (
          <Button size="md" onClick={() => beginSignIn(config, 'family', REDIRECT_URI())}>
            Logga in med e-legitimation
          </Button>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <PasswordInput
                label="Inloggning (token)"
                description="Sparas bara i den här fliken."
                value={token}
                onChange={(event) => setToken(event.currentTarget.value)}
              />
              <Button type="submit">Logga in</Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}

export function App() {
  const [token, setToken] = useState(tokenStore.get());
  const [config, setConfig] = useState<SignInConfig | null | undefined>(undefined);
  const [childId, setChildId] = useState(childIdInPath());
  const [problem, setProblem] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onPop = () => setChildId(childIdInPath());
    const onExpired = () => setExpired(true);
    window.addEventListener('popstate', onPop);
    window.addEventListener(SESSION_EXPIRED, onExpired);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener(SESSION_EXPIRED, onExpired);
    };
  }, []);
  // Back from the identity provider: the code becomes this tab's sign-in, before any page asks the graph.
  useEffect(() => {
    fetchSignInConfig().then(async (found) => {
      try {
        const signedIn = found && (await completeSignIn(found));
        if (signedIn) {
          tokenStore.set(signedIn.accessToken, signedIn.idToken);
          setToken(signedIn.accessToken);
          setExpired(false);
          setChildId(childIdInPath());
        }
      } catch (error) {
        setProblem((error as Error).message);
      }
      setConfig(found);
    });
  }, []);
  useEffect(() => {
    if (!token) return;
    const role = signedInAs(token).role;
    if (role && !FAMILY_ROLES.has(role))
      setProblem('Appen är för barn och vårdnadshavare. Personal använder sina egna system.');
  }, [token]);
  if (config === undefined) return <Loader aria-label="Hämtar" m="xl" />;
  if (!token)
    return (
      <>
        {problem && (
          <Alert color="red" role="alert" m="md">
            {problem}
          </Alert>
        )}
        <SignIn config={config} onSignedIn={() => setToken(tokenStore.get())} />
      </>
    );
  const signOut = () => {
    const idToken = tokenStore.idToken();
    tokenStore.clear();
    setToken(null);
    setProblem(null);
    const atProvider = config && idToken && signOutUrl(config, 'family', idToken, REDIRECT_URI());
    if (atProvider) window.location.assign(atProvider);
    else navigate('/familj/');
  };
  const { name } = signedInAs(token);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor
            href="/familj/"
            fw={700}
            onClick={(event) => {
              event.preventDefault();
              navigate('/familj/');
            }}
          >
            Min familj
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs">
              {name}
            </Text>
            <Button size="xs" variant="default" onClick={signOut}>
              Logga ut
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" px={0}>
          {expired && (
            <Alert color="orange" title="Du behöver logga in igen" role="alert" mb="md">
              <Stack gap="xs" align="flex-start">
                <Text>Inloggningen har gått ut. Det du har skrivit finns kvar när du kommer tillbaka.</Text>
                {config && <Button onClick={() => beginSignIn(config, 'family', REDIRECT_URI())}>Logga in igen</Button>}
              </Stack>
            </Alert>
          )}
          {problem ? (
            <Alert color="red" title="Ingen åtkomst" role="alert">
              {problem}
            </Alert>
          ) : childId ? (
            <ChildPage key={childId} childId={childId} />
          ) : (
            <ChildrenPage />
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** Loads `query` once; the page shows the data, or what went wrong in words. */
export function useQuery<T>(query: string, variables: Record<string, unknown>, version = 0) {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    graphql<T>(query, JSON.parse(key)).then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [query, key, version]);
  return state;
}
