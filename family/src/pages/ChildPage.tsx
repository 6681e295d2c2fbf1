import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { navigate, useQuery } from '../App.tsx';
import { AccessLogSection } from './AccessLogSection.tsx';
import { BlocksSection } from './BlocksSection.tsx';
import { MyPlanSection } from './MyPlanSection.tsx';
import { ChildVoiceSection } from './ChildVoiceSection.tsx';
import { signedInAs, tokenStore } from '../api.ts';
import { ConsentsSection } from './ConsentsSection.tsx';
import { RequestSection } from './RequestSection.tsx';
import { SipSection } from './SipSection.tsx';

const CHILD = `query ($id: ID!) { child(id: $id) { id givenName familyName dateOfBirth } }`;

/** Whole years at today, as the graph counts them for who may do what (15, 18). */
function age(dateOfBirth: string, now = new Date()) {
  const born = new Date(`${dateOfBirth}T00:00:00`);
  const years = now.getFullYear() - born.getFullYear();
  const before =
    now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate());
  return before ? years - 1 : years;
}

/** One child: the SIP and its plan, the consents, who read what, and asking for a SIP. */
export function ChildPage({ childId }: { childId: string }) {
  const { data, error } = useQuery<{
    child: { id: string; givenName: string; familyName: string; dateOfBirth: string } | null;
  }>(CHILD, { id: childId });
  if (error)
    return (
      <Alert color="red" title="Det gick inte att visa barnet" role="alert">
        {error}
      </Alert>
    );
  if (!data) return <Loader aria-label="Hämtar" />;
  if (!data.child) return <Text>Barnet finns inte.</Text>;
  const { givenName, familyName, dateOfBirth } = data.child;
  const isChild = signedInAs(tokenStore.get()).role === 'child';
  // Before 15 the child reads their plan's summary, as the guardians allow; the rest is the guardians'.
  if (isChild && age(dateOfBirth) < 15)
    return (
      <Stack gap="xl">
        <Title order={1}>Hej {givenName}!</Title>
        <MyPlanSection />
        <ChildVoiceSection />
      </Stack>
    );
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
      {isChild && <MyPlanSection />}
      {isChild && <ChildVoiceSection />}
      <SipSection childId={childId} />
      <ConsentsSection childId={childId} />
      <BlocksSection childId={childId} />
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
