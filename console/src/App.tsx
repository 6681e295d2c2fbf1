import { Alert, AppShell, Button, Container, Group, NavLink, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, consoleApi, graphql, tokenStore } from './api.ts';
import { ChildPage } from './pages/ChildPage.tsx';
import { LogPage } from './pages/LogPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { PolicyPage } from './pages/PolicyPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';

const PAGES = [
  { path: 'oversikt', label: 'Översikt', page: OverviewPage },
  { path: 'policy', label: 'Policy', page: PolicyPage },
  { path: 'barn', label: 'Ett barns samtycken', page: ChildPage },
  { path: 'logg', label: 'Loggen', page: LogPage },
  { path: 'granskning', label: 'Granskning', page: ReviewPage },
] as const;

const currentPath = () => window.location.pathname.replace(/^\/privacy\/?/, '').split('/')[0] || 'oversikt';

/** Only a privacy officer's token opens the console: the graph itself says whether it is one. */
async function checkOfficer(): Promise<string | null> {
  try {
    await graphql(`
      {
        reviewQueue(first: 1) {
          key
        }
      }
    `);
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN')
      return 'Konsolen är bara för dataskyddsombud. Din inloggning ger inte tillgång till den.';
    return error instanceof ApiError ? error.message : 'Inloggningen kunde inte prövas.';
  }
}

function SignIn({ onSignedIn, refusal }: { onSignedIn: () => void; refusal: string | null }) {
  const [token, setToken] = useState('');
  const [demo, setDemo] = useState<string | null>(null);
  useEffect(() => {
    consoleApi<{ token: string }>('demo-token.json').then(
      ({ token: demoToken }) => setDemo(demoToken),
      () => setDemo(null),
    );
  }, []);
  const signIn = (value: string) => {
    tokenStore.set(value.trim());
    onSignedIn();
  };
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Dataskyddsombudets konsol</Title>
        <Text>
          Här granskar du policyn, barns samtycken, loggen och det som väntar på granskning. Logga in med kommunens
          eller regionens inloggning; din token sparas bara i den här fliken.
        </Text>
        {refusal && (
          <Alert color="red" title="Ingen åtkomst" role="alert">
            {refusal}
          </Alert>
        )}
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (token.trim()) signIn(token);
          }}
        >
          <Stack>
            <PasswordInput label="Token (Bearer)" value={token} onChange={(e) => setToken(e.currentTarget.value)} />
            <Group>
              <Button type="submit">Logga in</Button>
              {demo && (
                <Button variant="light" onClick={() => signIn(demo)}>
                  Logga in som demo-dataskyddsombud
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}

export function App() {
  const [signedIn, setSignedIn] = useState(tokenStore.get() !== null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [path, setPath] = useState(currentPath());

  useEffect(() => {
    if (!signedIn) return;
    setChecked(false);
    checkOfficer().then((problem) => {
      if (problem) {
        tokenStore.clear();
        setRefusal(problem);
        setSignedIn(false);
      } else setRefusal(null);
      setChecked(true);
    });
  }, [signedIn]);
  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} refusal={refusal} />;
  if (!checked) return <Text p="xl">Prövar inloggningen…</Text>;
  const current = PAGES.find((page) => page.path === path) ?? PAGES[0];
  const go = (to: string) => {
    window.history.pushState(null, '', `/privacy/${to}`);
    setPath(to);
  };
  const Page = current.page;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700}>Dataskyddsombudets konsol</Text>
          <Button
            variant="subtle"
            onClick={() => {
              tokenStore.clear();
              setSignedIn(false);
            }}
          >
            Logga ut
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Konsolens sidor">
        {PAGES.map((page) => (
          <NavLink
            key={page.path}
            href={`/privacy/${page.path}`}
            label={page.label}
            active={page.path === current.path}
            aria-current={page.path === current.path ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              go(page.path);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Page />
      </AppShell.Main>
    </AppShell>
  );
}
