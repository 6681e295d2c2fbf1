import { List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '../App.tsx';
import { day, when } from '../words.ts';
import { Section } from './ChildPage.tsx';

const SUMMARIES = `{ myPlanSummaries { sipId versionNumber
  summary { whatWillHappen whoHelps nextMeetingAt followUpOn } } }`;

interface Summary {
  sipId: string;
  versionNumber: number;
  summary: { whatWillHappen: string[]; whoHelps: string[]; nextMeetingAt: string | null; followUpOn: string };
}

/** The plan for the child, easy to read (lättläst): what will happen, who helps, when we meet again. */
export function MyPlanSection() {
  const { data, error } = useQuery<{ myPlanSummaries: Summary[] }>(SUMMARIES, {});
  return (
    <Section title="Min plan" error={error} loading={!data}>
      {data?.myPlanSummaries.length === 0 && (
        <Text size="lg">
          Det finns ingen plan som du kan läsa här ännu. Fråga din förälder eller den som hjälper dig.
        </Text>
      )}
      {data?.myPlanSummaries.map(({ sipId, summary }) => (
        <Stack key={sipId} gap="md" fz="lg" lh={1.6}>
          <Title order={3}>Det här ska hända</Title>
          <List size="lg" spacing="xs">
            {summary.whatWillHappen.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Title order={3}>De här hjälper dig</Title>
          <List size="lg" spacing="xs">
            {summary.whoHelps.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Title order={3}>Vi ses igen</Title>
          <Text size="lg">
            {summary.nextMeetingAt
              ? `Nästa möte är ${when(summary.nextMeetingAt)}.`
              : `Vi ska träffas och se hur det går senast ${day(summary.followUpOn)}.`}
          </Text>
        </Stack>
      ))}
    </Section>
  );
}
