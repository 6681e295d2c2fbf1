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
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useSignIn } from '../../web/use-sign-in.ts';
import { signedInAs, workspace } from './api.ts';
import { InboxPage } from './pages/InboxPage.tsx';
import { SipPage } from './pages/SipPage.tsx';
import { WorklistPage } from './pages/WorklistPage.tsx';

/** Who the workspace is not for: the family (their app) and privacy officers (their console). */
const NOT_STAFF = new Set(['guardian', 'child', 'privacy_officer']);

type Route = { page: 'worklist' } | { page: 'inbox' } | { page: 'sip'; sipId: string };

/** The page the address names: /samordning/, /samordning/inkorg or /samordning/sip/<id>. */
function routeOf(pathname: string): Route {
  const sip = pathname.match(/^\/samordning\/sip\/([^/]+)/);
  if (sip) return { page: 'sip', sipId: sip[1] };
  return /^\/samordning\/inkorg/.test(pathname) ? { page: 'inbox' } : { page: 'worklist' };
}

export function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link inside the workspace: it changes the page without loading the app again. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor
      href={to}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Anchor>
  );
}

/** Signing in: SITHS in production, the demo personas on the local provider's page in development. */
function SignIn({ onSignIn, onToken }: { onSignIn: (() => void) | null; onToken: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onToken(token);
  };
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>Samordning</Title>
        <Text>
          Dina SIP:ar och vad som ska göras härnäst, inbjudningar till din enhet, möten och kallelser. För dig som
          arbetar i skola, socialtjänst eller hälso- och sjukvård.
        </Text>
        {onSignIn ? (
          <Button size="md" onClick={onSignIn}>
            Logga in med SITHS-kort
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
  const signIn = useSignIn(workspace, 'workspace', '/samordning/');
  const { token, config, problem, setProblem, expired } = signIn;
  const [route, setRoute] = useState(routeOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (token && NOT_STAFF.has(signedInAs(token).role ?? ''))
      setProblem('Samordningen är för personal i skola, socialtjänst och hälso- och sjukvård.');
  }, [token, setProblem]);
  if (config === undefined) return <Loader aria-label="Hämtar" m="xl" />;
  if (!token)
    return (
      <>
        {problem && (
          <Alert color="red" role="alert" m="md">
            {problem}
          </Alert>
        )}
        <SignIn onSignIn={config ? signIn.signIn : null} onToken={signIn.signInWithToken} />
      </>
    );
  const { name, unit } = signedInAs(token);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" component="nav" aria-label="Samordning">
            <Link to="/samordning/">Att göra</Link>
            <Link to="/samordning/inkorg">Inkorg</Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {name}, {unit}
            </Text>
            <Button size="xs" variant="default" onClick={signIn.signOut}>
              Logga ut
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {/* E-mail addresses and links break anywhere rather than widen a phone's page. */}
        <Container size="md" px={0} style={{ overflowWrap: 'anywhere' }}>
          {expired && (
            <Alert color="orange" title="Du behöver logga in igen" role="alert" mb="md">
              <Stack gap="xs" align="flex-start">
                <Text>Inloggningen har gått ut. Det du har skrivit finns kvar när du kommer tillbaka.</Text>
                {config && <Button onClick={signIn.signIn}>Logga in igen</Button>}
              </Stack>
            </Alert>
          )}
          {problem ? (
            <Alert color="red" title="Ingen åtkomst" role="alert">
              {problem}
            </Alert>
          ) : route.page === 'sip' ? (
            <SipPage key={route.sipId} sipId={route.sipId} />
          ) : route.page === 'inbox' ? (
            <InboxPage />
          ) : (
            <WorklistPage />
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
