import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { graphql, tokenStore } from '../api.ts';
import { Problem } from '../Problem.tsx';
import { reviewDetail } from '../review-details.ts';
import { claimsOf } from '../token.ts';
import { REVIEW_KINDS, staffMember, when } from '../words.ts';

interface Item {
  kind: string;
  key: string;
  childId: string | null;
  requesterSubject: string;
  requesterName: string | null;
  at: string;
  detail: string;
  review: { note: string; reviewedBy: string; reviewedAt: string } | null;
  reviewRefusal: string | null;
}

const QUEUE = `query ($reviewed: Boolean) { reviewQueue(reviewed: $reviewed, first: 200) {
  kind key childId requesterSubject requesterName at detail review { note reviewedBy reviewedAt }
  reviewRefusal } }`;
const MARK = `mutation ($kind: ReviewKind!, $key: String!, $note: String!) {
  markReviewed(kind: $kind, key: $key, note: $note) { key review { reviewedAt } } }`;

/**
 * Who reviewed: the graph gives only their login id. Only privacy officers review, and the signed-in one knows their
 * own id and name from their token.
 */
function reviewer(subject: string) {
  const me = claimsOf(tokenStore.get());
  return me.sub === subject && me.name ? me.name : 'dataskyddsombud';
}

function ItemCard({ item, onReviewed }: { item: Item; onReviewed: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const mark = async () => {
    setError(null);
    if (!note.trim()) return setError(new Error('Anteckning: skriv vad du har granskat och kommit fram till.'));
    try {
      await graphql(MARK, { kind: item.kind, key: item.key, note: note.trim() });
      onReviewed();
    } catch (problem) {
      setError(problem);
    }
  };
  const id = `note-${item.kind}-${item.key}`;
  const detail = reviewDetail(item.kind, item.detail);
  return (
    <Card withBorder component="article" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={`${id}-title`}>
          {REVIEW_KINDS[item.kind] ?? item.kind}: {item.requesterName ?? staffMember({})}, {when(item.at)}
        </Title>
        {detail ? (
          <Text size="sm">{detail}</Text>
        ) : (
          <Text size="sm">
            Grafens beskrivning, på engelska: <span lang="en">{item.detail}</span>
          </Text>
        )}
        {item.review ? (
          <Text size="sm" c="dimmed">
            Granskad {when(item.review.reviewedAt)} av {reviewer(item.review.reviewedBy)}: {item.review.note}
          </Text>
        ) : item.reviewRefusal ? (
          <Text size="sm" c="dimmed">
            Din egen åtgärd: ett annat dataskyddsombud granskar den.
          </Text>
        ) : (
          <Group align="flex-end">
            <Textarea
              label="Anteckning"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              id={id}
              autosize
              minRows={1}
              // Beside the button where there is room; on a phone, on a line of its own.
              style={{ flex: '1 1 16rem' }}
            />
            <Button onClick={mark}>Markera som granskad</Button>
          </Group>
        )}
        <Problem error={error} />
      </Stack>
    </Card>
  );
}

/** The log review (loggkontroll): what needs a privacy officer's look, each marked reviewed with a note. */
export function ReviewPage() {
  const [which, setWhich] = useState('open');
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    graphql<{ reviewQueue: Item[] }>(QUEUE, {
      reviewed: which === 'open' ? false : which === 'done' ? true : null,
    }).then(({ reviewQueue }) => setItems(reviewQueue), setError);
  }, [which]);
  useEffect(load, [load]);
  return (
    <Stack>
      <Title order={1}>Granskning</Title>
      <Text>
        Samtycken och spärrar registrerade av personal, samtycken som personal kopplat till en SIP, nödåtkomst,
        läsningar utanför barnets SIP, läsningar utan relation, sökningar på personnummer (även de utan träff) och
        ovanligt många barn på en dag.
      </Text>
      <SegmentedControl
        aria-label="Vilka poster"
        value={which}
        onChange={setWhich}
        data={[
          { value: 'open', label: 'Att granska' },
          { value: 'done', label: 'Granskade' },
          { value: 'all', label: 'Alla' },
        ]}
        w="fit-content"
      />
      <Problem error={error} />
      {items?.length === 0 && <Text role="status">Inget här.</Text>}
      {items?.map((item) => (
        <ItemCard key={`${item.kind}/${item.key}`} item={item} onReviewed={load} />
      ))}
    </Stack>
  );
}
