import { Alert, Anchor, AppShell, Button, Container, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql, signedInAs, tokenStore } from './api.ts';
import { ChildPage } from './pages/ChildPage.tsx';
import { ChildrenPage } from './pages/ChildrenPage.tsx';

const FAMILY_ROLES = new Set(['guardian', 'child']);

/** The page the address names: /familj/ (the children) or /familj/barn/<id>. */
const childIdInPath = () => window.location.pathname.match(/^\/familj\/barn\/([^/]+)/)?.[1] ?? null;

export function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [personas, setPersonas] = useState<Array<{ persona: string; token: string }>>([]);
  const [token, setToken] = useState('');
  useEffect(() => {
    fetch('/graphiql/personas.json')
      .then((res) => (res.ok ? res.json() : []))
      .then(
        (all: Array<{ persona: string; token: string }>) =>
          setPersonas(all.filter(({ token: t }) => FAMILY_ROLES.has(signedInAs(t).role ?? ''))),
        () => setPersonas([]),
      );
  }, []);
  const signIn = (value: string) => {
    tokenStore.set(value.trim().replace(/^Bearer\s+/i, ''));
    onSignedIn();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) signIn(token);
  };
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>Min familj</Title>
        <Text>
          Här ser du ditt barns samordnade individuella plan (SIP), vilka samtycken ni har gett och vem som har läst
          uppgifter om barnet. Du kan också be om en SIP.
        </Text>
        {personas.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h3">
              Logga in som en demoperson
            </Title>
            <Text size="sm">Det här finns bara i utvecklingsläget.</Text>
            {personas.map(({ persona, token: t }) => (
              <Button key={persona} variant="light" onClick={() => signIn(t)}>
                {signedInAs(t).name ?? persona}
              </Button>
            ))}
          </Stack>
        )}
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
      </Stack>
    </Container>
  );
}

export function App() {
  const [token, setToken] = useState(tokenStore.get());
  const [childId, setChildId] = useState(childIdInPath());
  const [problem, setProblem] = useState<string | null>(null);
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
    else setProblem(null);
  }, [token]);
  if (!token) return <SignIn onSignedIn={() => setToken(tokenStore.get())} />;
  const signOut = () => {
    tokenStore.clear();
    setToken(null);
    navigate('/familj/');
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
