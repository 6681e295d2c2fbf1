import { Alert, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../api.ts';

const FEEDBACK = `mutation ($meetingId: ID!, $input: SipFeedbackInput!) { giveSipFeedback(meetingId: $meetingId,
  input: $input) { givenAt } }`;
const WISHES = `mutation ($sipId: ID!, $wishes: FamilyWishesInput!) { setFamilyWishes(sipId: $sipId, wishes: $wishes) {
  id } }`;

export interface Wishes {
  place: string | null;
  time: string | null;
  breaks: string | null;
  interpreterLanguage: string | null;
  notesDelivery: string | null;
}

const SCALE = ['1', '2', '3', '4', '5'];

function Scale({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Radio.Group label={label} description="1 = inte alls, 5 = helt och hållet" value={value} onChange={onChange}>
      <Group gap="md" mt={6}>
        {SCALE.map((n) => (
          <Radio key={n} value={n} label={n} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** SIP-kollen: three questions and a comment after a meeting, answered once by each of the family. */
export function FeedbackForm({ meetingId }: { meetingId: string }) {
  const [answers, setAnswers] = useState({ listenedTo: '', understood: '', helpful: '' });
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (key: keyof typeof answers) => (value: string) => setAnswers((a) => ({ ...a, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.values(answers).some((a) => a === '')) {
      setResult({ ok: false, text: 'Svara på alla tre frågorna först.' });
      return;
    }
    try {
      await graphql(FEEDBACK, {
        meetingId,
        input: {
          listenedTo: Number(answers.listenedTo),
          understood: Number(answers.understood),
          helpful: Number(answers.helpful),
          comment: comment || null,
        },
      });
      setResult({ ok: true, text: 'Tack för att du svarade!' });
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    }
  };
  if (result?.ok) return <Alert role="status">{result.text}</Alert>;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={700}>Hur var mötet? (SIP-kollen)</Text>
        <Scale label="Blev du lyssnad på?" value={answers.listenedTo} onChange={set('listenedTo')} />
        <Scale label="Förstod du vad som bestämdes?" value={answers.understood} onChange={set('understood')} />
        <Scale label="Var mötet till hjälp?" value={answers.helpful} onChange={set('helpful')} />
        <Textarea
          label="Något mer du vill säga? (frivilligt)"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit">Skicka svaret</Button>
        </Group>
        {result && (
          <Alert color="red" role="alert">
            {result.text}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** The family's wishes for meetings: where, when, breaks, an interpreter, how the notes are sent. */
export function WishesForm({ sipId, wishes }: { sipId: string; wishes: Wishes | null }) {
  const [values, setValues] = useState<Wishes>(
    wishes ?? { place: null, time: null, breaks: null, interpreterLanguage: null, notesDelivery: null },
  );
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (key: keyof Wishes, label: string) => (
    <TextInput
      label={label}
      value={values[key] ?? ''}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.currentTarget.value || null }))}
    />
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await graphql(WISHES, { sipId, wishes: values });
      setResult({ ok: true, text: 'Era önskemål är sparade.' });
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={700}>Era önskemål inför mötena</Text>
        {field('place', 'Plats')}
        {field('time', 'Tid')}
        {field('breaks', 'Pauser')}
        {field('interpreterLanguage', 'Tolk, språk')}
        {field('notesDelivery', 'Hur vill ni få anteckningarna?')}
        <Group>
          <Button type="submit" variant="default">
            Spara önskemålen
          </Button>
        </Group>
        {result && (
          <Alert color={result.ok ? 'blue' : 'red'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
