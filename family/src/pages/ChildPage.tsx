import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { navigate, useQuery } from '../App.tsx';
import { AccessLogSection } from './AccessLogSection.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { RequestSection } from './RequestSection.tsx';
import { SipSection } from './SipSection.tsx';

const CHILD = `query ($id: ID!) { child(id: $id) { id givenName familyName } }`;

/** One child: the SIP and its plan, the consents, who read what, and asking for a SIP. */
export function ChildPage({ childId }: { childId: string }) {
  const { data, error } = useQuery<{ child: { id: string; givenName: string; familyName: string } | null }>(CHILD, {
    id: childId,
  });
  if (error)
    return (
      <Alert color="red" title="Det gick inte att visa barnet" role="alert">
        {error}
      </Alert>
    );
  if (!data) return <Loader aria-label="Hämtar" />;
  if (!data.child) return <Text>Barnet finns inte.</Text>;
  const { givenName, familyName } = data.child;
  return (
    <Stack gap="xl">
      <Anchor
        href="/familj/"
        onClick={(event) => {
          event.preventDefault();
          navigate('/familj/');
        }}
      >
        Tillbaka till barnen
      </Anchor>
      <Title order={1}>
        {givenName} {familyName}
      </Title>
      <SipSection childId={childId} />
      <ConsentsSection childId={childId} />
      <AccessLogSection childId={childId} givenName={givenName} />
      <RequestSection childId={childId} />
    </Stack>
  );
}

/** A section's heading and body, or what went wrong loading it in words. */
export function Section({
  title,
  error,
  loading,
  children,
}: {
  title: string;
  error?: string;
  loading: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Stack component="section" gap="sm" aria-label={title}>
      <Title order={2}>{title}</Title>
      {error ? (
        <Alert color="orange" role="status">
          {error}
        </Alert>
      ) : loading ? (
        <Loader size="sm" aria-label="Hämtar" />
      ) : (
        children
      )}
    </Stack>
  );
}
