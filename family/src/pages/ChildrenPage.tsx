import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { navigate, useQuery } from '../App.tsx';

const MY_CHILDREN = `{ myChildren { id givenName familyName dateOfBirth } }`;

interface Child {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/** The family's children: a guardian's, or the young person themselves. */
export function ChildrenPage() {
  const { data, error } = useQuery<{ myChildren: Child[] }>(MY_CHILDREN, {});
  if (error)
    return (
      <Alert color="red" title="Det gick inte att visa barnen" role="alert">
        {error}
      </Alert>
    );
  if (!data) return <Loader aria-label="Hämtar" />;
  return (
    <Stack>
      <Title order={1}>Barn</Title>
      {data.myChildren.length === 0 && <Text>Det finns inga barn kopplade till din inloggning.</Text>}
      {data.myChildren.map((child) => (
        <Card key={child.id} withBorder>
          <Anchor
            href={`/familj/barn/${child.id}`}
            size="lg"
            fw={700}
            onClick={(event) => {
              event.preventDefault();
              navigate(`/familj/barn/${child.id}`);
            }}
          >
            {child.givenName} {child.familyName}
          </Anchor>
          <Text size="sm">Född {child.dateOfBirth}</Text>
        </Card>
      ))}
    </Stack>
  );
}
