import { Card, Text } from '@mantine/core';
import { useQuery } from '../App.tsx';
import { AGENCIES, READ_OF, REFUSED_BECAUSE, ROLES, SCOPES, day, when } from '../words.ts';
import { Section } from './ChildPage.tsx';

const LOG = `query ($id: ID!) { childAccessLog(childId: $id, first: 30) { id decidedAt requesterName requesterRole
  requesterAgency requesterUnit kind scope granted reason consentId emergencyAccessId } }`;
const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id validFrom } }`;

interface Entry {
  id: string;
  decidedAt: string;
  requesterName: string | null;
  requesterRole: string;
  requesterAgency: string | null;
  requesterUnit: string | null;
  kind: string;
  scope: string | null;
  granted: boolean;
  reason: string | null;
  consentId: string | null;
  emergencyAccessId: string | null;
}

/** One entry in a sentence: who, where, what, whether they were shown it, and on what ground. */
function sentence(entry: Entry, consentsFrom: ReadonlyMap<string, string>) {
  const who = entry.requesterName ?? 'Någon';
  const role = ROLES[entry.requesterRole] ?? entry.requesterRole;
  const where = [entry.requesterUnit, entry.requesterAgency && AGENCIES[entry.requesterAgency]].filter(Boolean);
  const what = entry.scope ? (SCOPES[entry.scope] ?? entry.scope).toLowerCase() : (READ_OF[entry.kind] ?? entry.kind);
  const ground = entry.emergencyAccessId
    ? ', med nödåtkomst'
    : entry.consentId && consentsFrom.has(entry.consentId)
      ? `, med stöd av samtycket från ${day(consentsFrom.get(entry.consentId)!)}`
      : '';
  const outcome = entry.granted
    ? `fick se ${what}${ground}.`
    : `ville se ${what} men fick inte, eftersom ${REFUSED_BECAUSE[entry.reason ?? ''] ?? 'det inte var tillåtet'}.`;
  return `${who} (${role}${where.length ? `, ${where.join(', ')}` : ''}) ${outcome}`;
}

/** Who read what about the child, and who was refused, newest first. */
export function AccessLogSection({ childId, givenName }: { childId: string; givenName: string }) {
  const { data, error } = useQuery<{ childAccessLog: Entry[] }>(LOG, { id: childId });
  // Which consent a read rested on, by when it began; the log is read without it when consents are not shown.
  const consents = useQuery<{ consents: Array<{ id: string; validFrom: string }> }>(CONSENTS, { id: childId }).data;
  const consentsFrom = new Map((consents?.consents ?? []).map((c) => [c.id, c.validFrom]));
  return (
    <Section title={`Vem har läst om ${givenName}`} error={error} loading={!data}>
      <Text size="sm">De senaste 30 gångerna någon läste eller försökte läsa uppgifter om barnet.</Text>
      {data?.childAccessLog.length === 0 && <Text>Ingen har läst något ännu.</Text>}
      {data?.childAccessLog.map((entry) => (
        <Card key={entry.id} withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {when(entry.decidedAt)}
          </Text>
          <Text>{sentence(entry, consentsFrom)}</Text>
        </Card>
      ))}
    </Section>
  );
}
