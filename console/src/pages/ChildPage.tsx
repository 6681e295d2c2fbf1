import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../api.ts';
import { personnummerProblem } from '../personnummer.ts';
import { Problem } from '../Problem.tsx';
import { AGENCIES, FORMS, options, REASONS, SCOPES, staffMember, STATUSES, when } from '../words.ts';

interface Consent {
  id: string;
  status: string;
  scopes: string[];
  form: string;
  purpose: string;
  validFrom: string;
  validUntil: string;
  recordedAt: string;
  recordedBy: string;
  recordedByAgency: string | null;
  recordedByStaff: boolean;
  replacesId: string | null;
  givenByChild: boolean;
  givenByGuardians: Array<{ id: string; givenName: string; familyName: string }>;
  awaitingGuardians: Array<{ id: string; givenName: string; familyName: string }>;
  recipients: { sipParticipants: boolean; wholeAgencies: string[]; named: Array<{ agency: string; unit: string }> };
  withdrawal: { withdrawnAt: string; reason: string } | null;
}
interface Block {
  id: string;
  scopes: string[];
  placedAt: string;
  until: string | null;
  liftedAt: string | null;
  recordedByStaff: boolean;
  fromUnits: Array<{ agency: string; unit: string }>;
}
interface Found {
  child: { id: string; givenName: string; familyName: string };
  consents: Consent[];
  blocks: Block[];
}

const LOOKUP = `query ($personnummer: String!, $purpose: String!) {
  childByPersonnummer(personnummer: $personnummer, purpose: $purpose) { id givenName familyName } }`;
const RECORDS = `query ($id: ID!) {
  consents(childId: $id) { id status scopes form purpose validFrom validUntil recordedAt recordedBy
    recordedByAgency recordedByStaff replacesId givenByChild givenByGuardians { id givenName familyName }
    awaitingGuardians { id givenName familyName }
    recipients { sipParticipants wholeAgencies named { agency unit } } withdrawal { withdrawnAt reason } }
  blocks(childId: $id) { id scopes placedAt until liftedAt recordedByStaff fromUnits { agency unit } } }`;
const DECISION = `query ($id: ID!, $scope: ConsentScope!, $reader: ConsentReaderInput!, $at: DateTime!) {
  consentDecision(childId: $id, scope: $scope, reader: $reader, at: $at) { granted reason consentId } }`;

const recipientsText = ({ recipients: r }: Consent) =>
  [
    r.sipParticipants && 'de som deltar i barnets SIP',
    ...r.named.map((n) => `${n.unit} (${AGENCIES[n.agency]})`),
    ...r.wholeAgencies.map((a) => `hela ${AGENCIES[a].toLowerCase()}`),
  ]
    .filter(Boolean)
    .join(', ');

const refusalText = ({ reason, consentId }: { reason: string | null; consentId: string | null }) =>
  `Nekat: ${REASONS[reason ?? ''] ?? reason}${consentId ? ` (närmast: samtycke ${consentId})` : ''}.`;

/** What the rule decided for a reader at a chosen past moment, with the reason. */
function PastDecision({ childId }: { childId: string }) {
  const [scope, setScope] = useState<string | null>('HEALTH_CARE_CONTACTS');
  const [agency, setAgency] = useState<string | null>('SCHOOL');
  const [unit, setUnit] = useState('');
  const [subject, setSubject] = useState('');
  const [at, setAt] = useState('');
  const [result, setResult] = useState<{ granted: boolean; reason: string | null; consentId: string | null } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const decide = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (!at || Number.isNaN(new Date(at).getTime())) return setError(new Error('Tidpunkt: välj datum och tid.'));
    if (!unit.trim() || !subject.trim()) return setError(new Error('Läsare: fyll i enhet och användar-id.'));
    try {
      const { consentDecision } = await graphql<{ consentDecision: NonNullable<typeof result> }>(DECISION, {
        id: childId,
        scope,
        reader: { agency, unit: unit.trim(), subject: subject.trim() },
        at: new Date(at).toISOString(),
      });
      setResult(consentDecision);
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <Card withBorder>
      <form onSubmit={decide}>
        <Stack>
          <Title order={2}>Vad beslutade regeln vid en tidpunkt?</Title>
          <Select label="Kategori" data={options(SCOPES)} value={scope} onChange={setScope} allowDeselect={false} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Läsarens verksamhet"
              data={options(AGENCIES)}
              value={agency}
              onChange={setAgency}
              allowDeselect={false}
            />
            <TextInput label="Läsarens enhet" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
            <TextInput
              label="Läsarens användar-id"
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput label="Tidpunkt" type="datetime-local" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
          <Button type="submit" w="fit-content">
            Pröva
          </Button>
          <Problem error={error} />
          {result && (
            <Text role="status" fw={700}>
              {result.granted ? `Beviljat, enligt samtycke ${result.consentId}.` : refusalText(result)}
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** One child's consents over time: every version, withdrawals and blocks; and the rule at any moment. */
export function ChildPage() {
  const [personnummer, setPersonnummer] = useState('');
  const [purpose, setPurpose] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ personnummer?: string; purpose?: string }>({});
  const [found, setFound] = useState<Found | null | 'none'>(null);
  const [error, setError] = useState<unknown>(null);
  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      personnummer: personnummerProblem(personnummer) ?? undefined,
      purpose: purpose.trim() ? undefined : 'ange varför du söker barnet; sökningen loggas med syftet',
    };
    setFieldErrors(problems);
    setError(null);
    if (problems.personnummer || problems.purpose) return;
    try {
      const { childByPersonnummer: child } = await graphql<{ childByPersonnummer: Found['child'] | null }>(LOOKUP, {
        personnummer: personnummer.trim(),
        purpose: purpose.trim(),
      });
      if (!child) return setFound('none');
      const records = await graphql<Omit<Found, 'child'>>(RECORDS, { id: child.id });
      setFound({ child, ...records });
    } catch (problem) {
      setFound(null);
      setError(problem);
    }
  };
  const events =
    found && found !== 'none'
      ? [
          ...found.consents.flatMap((c) => [
            { at: c.recordedAt, kind: 'consent' as const, consent: c },
            ...(c.withdrawal ? [{ at: c.withdrawal.withdrawnAt, kind: 'withdrawal' as const, consent: c }] : []),
          ]),
          ...found.blocks.flatMap((b) => [
            { at: b.placedAt, kind: 'block' as const, block: b },
            ...(b.liftedAt ? [{ at: b.liftedAt, kind: 'lift' as const, block: b }] : []),
          ]),
        ].sort((a, b) => a.at.localeCompare(b.at))
      : [];
  return (
    <Stack>
      <Title order={1}>Ett barns samtycken</Title>
      <form onSubmit={lookUp} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Personnummer"
              placeholder="ÅÅÅÅMMDD-NNNN"
              value={personnummer}
              onChange={(e) => setPersonnummer(e.currentTarget.value)}
              error={fieldErrors.personnummer}
            />
            <TextInput
              label="Syfte (loggas)"
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              error={fieldErrors.purpose}
            />
          </SimpleGrid>
          <Button type="submit" w="fit-content">
            Sök barnet
          </Button>
        </Stack>
      </form>
      <Problem error={error} />
      {found === 'none' && <Text role="status">Inget barn har det personnumret. Sökningen är loggad med syftet.</Text>}
      {found && found !== 'none' && (
        <>
          <Title order={2}>
            {found.child.givenName} {found.child.familyName}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} aria-label="Samtycken och spärrar över tid">
            {events.map((event, i) => (
              <Timeline.Item key={i} title={`${when(event.at)}: ${eventTitle(event)}`}>
                {'consent' in event && event.kind === 'consent' && (
                  <ConsentDetails consent={event.consent} childId={found.child.id} />
                )}
                {'consent' in event && event.kind === 'withdrawal' && (
                  <Text size="sm">Skäl: {event.consent.withdrawal?.reason}</Text>
                )}
                {'block' in event && event.kind === 'block' && (
                  <Text size="sm">
                    {event.block.scopes.map((s) => SCOPES[s]).join(', ')} spärras för{' '}
                    {event.block.fromUnits.length
                      ? event.block.fromUnits.map((u) => u.unit).join(', ')
                      : 'alla andra verksamheter'}
                    {event.block.until ? `, till ${when(event.block.until)}` : ''}.
                    {event.block.recordedByStaff ? ' Registrerad av personal.' : ''}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
          <PastDecision childId={found.child.id} />
        </>
      )}
    </Stack>
  );
}

type TimelineEvent =
  | { at: string; kind: 'consent' | 'withdrawal'; consent: Consent }
  | { at: string; kind: 'block' | 'lift'; block: Block };

function eventTitle(event: TimelineEvent) {
  switch (event.kind) {
    case 'consent':
      return event.consent.replacesId ? 'ny version av samtycke' : 'samtycke';
    case 'withdrawal':
      return 'samtycke återkallat';
    case 'block':
      return 'spärr';
    default:
      return 'spärr hävd';
  }
}

const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

/**
 * Who recorded a consent. The graph names them by their login id only: a guardian's or the child's is theirs in
 * the app, and staff are named by their agency, as the graph has no name for them here.
 */
function recorder(c: Consent, childId: string) {
  if (c.recordedByStaff) return staffMember({ agency: c.recordedByAgency });
  const guardian = c.givenByGuardians.find((g) => g.id === c.recordedBy);
  if (guardian) return fullName(guardian);
  return c.recordedBy === childId ? 'barnet självt' : 'familjen';
}

function ConsentDetails({ consent: c, childId }: { consent: Consent; childId: string }) {
  const givers = [...c.givenByGuardians.map(fullName), ...(c.givenByChild ? ['barnet självt'] : [])];
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge variant="light">{STATUSES[c.status] ?? c.status}</Badge>
        {c.recordedByStaff && (
          <Badge color="orange" variant="light">
            registrerat av personal
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Gett av {givers.join(' och ') || '–'}, {FORMS[c.form] ?? c.form}, registrerat av {recorder(c, childId)}.
      </Text>
      {c.awaitingGuardians.length > 0 && (
        <Text size="sm">
          Väntar på {c.awaitingGuardians.map(fullName).join(' och ')}.
          {c.replacesId && ' Versionen före gäller så länge.'}
        </Text>
      )}
      <Text size="sm">Kategorier: {c.scopes.map((s) => SCOPES[s] ?? s).join(', ')}.</Text>
      <Text size="sm">Mottagare: {recipientsText(c) || '–'}.</Text>
      <Text size="sm">
        Gäller {when(c.validFrom)} – {when(c.validUntil)}. Syfte: {c.purpose}
      </Text>
    </Stack>
  );
}
