import { Alert, Anchor, AppShell, Button, Container, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useGraphQuery } from '../../web/graph-client.ts';
import { useSignIn } from '../../web/use-sign-in.ts';
import { SessionExpired, SignInPage } from '../../web/sign-in-page.tsx';
import { family, signedInAs } from './api.ts';
import { ChildPage } from './pages/ChildPage.tsx';
import { ChildrenPage } from './pages/ChildrenPage.tsx';

const FAMILY_ROLES = new Set(['guardian', 'child']);

/** The page the address names: /familj/ (the children) or /familj/barn/<id>. */
const childIdInPath = () => window.location.pathname.match(/^\/familj\/barn\/([^/]+)/)?.[1] ?? null;

export function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function App() {
  const signIn = useSignIn(family, 'family', '/familj/');
  const { token, config, problem, setProblem, expired } = signIn;
  const [childId, setChildId] = useState(childIdInPath());
  useEffect(() => {
    const onPop = () => setChildId(childIdInPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (!token) return;
    const role = signedInAs(token).role;
    if (role && !FAMILY_ROLES.has(role))
      setProblem('Appen är för barn och vårdnadshavare. Personal använder sina egna system.');
  }, [token, setProblem]);
  if (config === undefined) return <Loader aria-label="Hämtar" m="xl" />;
  if (!token)
    return (
      <SignInPage
        problem={problem}
        title="Min familj"
        buttonLabel="Logga in med e-legitimation"
        onSignIn={config ? signIn.signIn : null}
        onToken={signIn.signInWithToken}
      >
        Här ser du ditt barns samordnade individuella plan (SIP), vilka samtycken ni har gett och vem som har läst
        uppgifter om barnet. Du kan också be om en SIP.
      </SignInPage>
    );
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
            <Button size="xs" variant="default" onClick={signIn.signOut}>
              Logga ut
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" px={0}>
          {expired && <SessionExpired onSignIn={config ? signIn.signIn : null} />}
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
export const useQuery = <T,>(query: string, variables: Record<string, unknown>, version = 0) =>
  useGraphQuery<T>(family, query, variables, version);
