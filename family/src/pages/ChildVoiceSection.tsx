import { Alert, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useQuery } from '../App.tsx';
import { draftStore, graphql } from '../api.ts';
import { when } from '../words.ts';
import { Section } from './ChildPage.tsx';

const VOICE = `{ myVoice { sipId participants { id name title } views { id text writtenAt sharedWith { name } } } }`;
const GIVE = `mutation ($sipId: ID!, $input: ChildViewInput!) { giveChildView(sipId: $sipId, input: $input) { id } }`;

interface Voice {
  sipId: string;
  participants: Array<{ id: string; name: string; title: string | null }>;
  views: Array<{ id: string; text: string; writtenAt: string; sharedWith: Array<{ name: string }> }>;
}

function SayForm({ voice, onSaid }: { voice: Voice; onSaid: () => void }) {
  const draft = `voice:${voice.sipId}`;
  const [text, setTextState] = useState(() => draftStore.get(draft));
  const [shareWith, setShareWith] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const setText = (value: string) => {
    setTextState(value);
    draftStore.set(draft, value);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await graphql(GIVE, { sipId: voice.sipId, input: { text, shareWith } });
      setText('');
      setShareWith([]);
      onSaid();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label="Det här vill jag säga"
          description="Före eller efter ett möte. Skriv som du vill."
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={3}
          size="md"
        />
        <Checkbox.Group
          label="Vem får läsa det?"
          description="Bara de du väljer."
          value={shareWith}
          onChange={setShareWith}
        >
          <Stack gap={6} mt={6}>
            {voice.participants.map((p) => (
              <Checkbox key={p.id} value={p.id} label={p.title ? `${p.name} (${p.title})` : p.name} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" size="md">
            Skicka
          </Button>
        </Group>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** The child's own voice in their SIP: what they want to say, and to whom. */
export function ChildVoiceSection() {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<{ myVoice: Voice[] }>(VOICE, {}, version);
  return (
    <Section title="Det här tycker jag" error={error} loading={!data}>
      {data?.myVoice.length === 0 && <Text size="lg">Du har ingen SIP just nu.</Text>}
      {data?.myVoice.map((voice) => (
        <Stack key={voice.sipId} gap="md">
          {voice.views.map((view) => (
            <Card key={view.id} withBorder>
              <Text size="sm" c="dimmed">
                {when(view.writtenAt)}
              </Text>
              <Text size="lg">{view.text}</Text>
              <Text size="sm">
                {view.sharedWith.length > 0
                  ? `Får läsas av: ${view.sharedWith.map((p) => p.name).join(', ')}`
                  : 'Bara du kan läsa det.'}
              </Text>
            </Card>
          ))}
          <SayForm voice={voice} onSaid={() => setVersion((v) => v + 1)} />
        </Stack>
      ))}
    </Section>
  );
}
