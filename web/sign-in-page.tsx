import { Alert, Button, Container, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';

/**
 * An app's page before sign-in: what the app is for, and a button to the identity provider the
 * gateway names, or, where it names none, a field for a pasted token (kept in this tab only).
 */
export function SignInPage({
  title,
  children,
  buttonLabel,
  problem,
  onSignIn,
  onToken,
}: {
  title: string;
  children: ReactNode;
  buttonLabel: string;
  /** Why the last sign-in did not work, said above the page. */
  problem: string | null;
  onSignIn: (() => void) | null;
  onToken: (token: string) => void;
}) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onToken(token);
  };
  return (
    <Container size="xs" py="xl">
      <Stack>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Title order={1}>{title}</Title>
        <Text>{children}</Text>
        {onSignIn ? (
          <Button size="md" onClick={onSignIn}>
            {buttonLabel}
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

/** Said when the graph no longer takes the sign-in: sign in again, and what was typed is still there. */
export function SessionExpired({ onSignIn }: { onSignIn: (() => void) | null }) {
  return (
    <Alert color="orange" title="Du behöver logga in igen" role="alert" mb="md">
      <Stack gap="xs" align="flex-start">
        <Text>Inloggningen har gått ut. Det du har skrivit finns kvar när du kommer tillbaka.</Text>
        {onSignIn && <Button onClick={onSignIn}>Logga in igen</Button>}
      </Stack>
    </Alert>
  );
}
