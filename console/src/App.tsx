import {
  Alert,
  AppShell,
  Burger,
  Button,
  Container,
  Group,
  NavLink,
  PasswordInput,
  Stack,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, consoleApi, graphql, tokenStore } from './api.ts';
import { ChildPage } from './pages/ChildPage.tsx';
import { LogPage } from './pages/LogPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { PolicyPage } from './pages/PolicyPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { beginSignIn, completeSignIn, fetchSignInConfig, type SignInConfig } from '../../web/oidc-client.ts';
import { cleanToken, tokenProblem } from './token.ts';

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
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
      return 'Grafen godtog inte din token: den kan ha gått ut eller vara utfärdad för en annan miljö. Hämta en ny.';
    return error instanceof ApiError ? error.message : 'Inloggningen kunde inte prövas.';
  }
}

const REDIRECT_URI = () => new URL('/privacy/', window.location.origin).href;

/**
 * Signing in: through the identity provider the gateway names (SITHS in production; the demo
 * personas on the local provider's page in development), or, where none is configured, with a
 * pasted token.
 */
function SignIn({
  onSignedIn,
  refusal,
  config,
}: {
  onSignedIn: () => void;
  refusal: string | null;
  config: SignInConfig | null;
}) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [demo, setDemo] = useState<string | null>(null);
  useEffect(() => {
    consoleApi<{ token: string }>('demo-token.json').then(
      ({ token: demoToken }) => setDemo(demoToken),
      () => setDemo(null),
    );
  }, []);
  const signIn = (value: string) => {
    tokenStore.set(cleanToken(value));
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
        {config && (
          <Group>
            <Button size="md" onClick={() => beginSignIn(config, 'privacyConsole', REDIRECT_URI())}>
              Logga in med SITHS-kort
            </Button>
          </Group>
        )}
        {!config && (
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              const problem = tokenProblem(token);
              setProblem(problem);
              if (!problem) signIn(token);
            }}
            noValidate
          >
            <Stack>
              <PasswordInput
                label="Token (Bearer)"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                error={problem}
                errorProps={{ role: 'alert' }}
                // Mantine's PasswordInput marks only its wrapper invalid; a screen reader reads the input's own state.
                aria-invalid={problem !== null}
              />
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
        )}
      </Stack>
    </Container>
  );
}

/** Below this width the navigation folds away behind the burger, as on a phone. */
const NAV_BREAKPOINT = 'sm';

export function App() {
  const [signedIn, setSignedIn] = useState(tokenStore.get() !== null);
  const [config, setConfig] = useState<SignInConfig | null | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [path, setPath] = useState(currentPath());
  const [menuOpen, menu] = useDisclosure(false);
  const closeMenu = menu.close;
  const theme = useMantineTheme();
  const phone = useMediaQuery(`(max-width: calc(${theme.breakpoints[NAV_BREAKPOINT]} - 0.1px))`);
  const main = useRef<HTMLElement>(null);
  const moved = useRef(false);

  // Back from the identity provider: the code becomes this tab's sign-in.
  useEffect(() => {
    fetchSignInConfig().then(async (found) => {
      setConfig(found);
      if (!found) return;
      try {
        const done = await completeSignIn(found);
        if (!done) return;
        tokenStore.set(done.accessToken);
        setPath(currentPath());
        setSignedIn(true);
      } catch (error) {
        setRefusal((error as Error).message);
      }
    });
  }, []);
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
    const onPop = () => {
      moved.current = true;
      setPath(currentPath());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && closeMenu();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen, closeMenu]);
  const current = PAGES.find((page) => page.path === path) ?? PAGES[0];
  useEffect(() => {
    document.title = `${current.label} – Dataskyddsombudets konsol`;
    // After a move to another page, a screen reader starts at its heading, not at a link that may now be hidden; the
    // page starts at its top, where focusing would otherwise scroll the heading under the fixed header.
    if (!moved.current) return;
    window.scrollTo(0, 0);
    const heading = main.current?.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }, [current, checked]);

  if (config === undefined) return <Text p="xl">Hämtar…</Text>;
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} refusal={refusal} config={config} />;
  if (!checked) return <Text p="xl">Prövar inloggningen…</Text>;
  const go = (to: string) => {
    window.history.pushState(null, '', `/privacy/${to}`);
    moved.current = true;
    setPath(to);
    menu.close();
  };
  const Page = current.page;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !menuOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom={NAV_BREAKPOINT}
              size="sm"
              aria-label="Meny"
              aria-expanded={menuOpen}
              aria-controls="konsolens-sidor"
            />
            <Text fw={700} truncate>
              Dataskyddsombudets konsol
            </Text>
          </Group>
          <Button
            variant="subtle"
            style={{ flexShrink: 0 }}
            onClick={() => {
              tokenStore.clear();
              setSignedIn(false);
            }}
          >
            Logga ut
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        component="nav"
        id="konsolens-sidor"
        aria-label="Konsolens sidor"
        // Folded away on a phone, its links are out of sight: keep them out of the tab order and screen readers too.
        style={{ visibility: phone && !menuOpen ? 'hidden' : undefined }}
      >
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
      <AppShell.Main ref={main}>
        <Page />
      </AppShell.Main>
    </AppShell>
  );
}
