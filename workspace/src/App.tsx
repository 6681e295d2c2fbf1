import { Alert, Anchor, AppShell, Button, Container, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useSignIn } from '../../web/use-sign-in.ts';
import { SessionExpired, SignInPage } from '../../web/sign-in-page.tsx';
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
      <SignInPage
        problem={problem}
        title="Samordning"
        buttonLabel="Logga in med SITHS-kort"
        onSignIn={config ? signIn.signIn : null}
        onToken={signIn.signInWithToken}
      >
        Dina SIP:ar och vad som ska göras härnäst, inbjudningar till din enhet, möten och kallelser. För dig som arbetar
        i skola, socialtjänst eller hälso- och sjukvård.
      </SignInPage>
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
          {expired && <SessionExpired onSignIn={config ? signIn.signIn : null} />}
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
