import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '../App.tsx';
import { graphql, signedInAs, tokenStore } from '../api.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { AGENCIES, SCOPES, STATUSES, day } from '../words.ts';
import { Section } from './ChildPage.tsx';

const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id status scopes purpose validFrom validUntil
  givenByChild recordedByStaff givenByGuardians { givenName familyName } awaitingGuardians { id givenName familyName }
  recipients { sipParticipants wholeAgencies named { agency unit } } }
  child(id: $id) { sips { id status } } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) {
  withdrawConsent(consentId: $id, reason: $reason) { id status } }`;

interface Person {
  id?: string;
  givenName: string;
  familyName: string;
}
interface Consent {
  id: string;
  status: string;
  scopes: string[];
  purpose: string | null;
  validFrom: string;
  validUntil: string;
  givenByChild: boolean;
  recordedByStaff: boolean;
  givenByGuardians: Person[];
  awaitingGuardians: Person[];
  recipients: { sipParticipants: boolean; wholeAgencies: string[]; named: Array<{ agency: string; unit: string }> };
}

const names = (people: Person[]) => people.map((p) => `${p.givenName} ${p.familyName}`).join(' och ');

/** Who may receive under a consent, in words. */
function whoReceives({ recipients }: Consent) {
  const parts = [
    ...(recipients.sipParticipants ? ['personalen som är med i barnets SIP'] : []),
    ...recipients.named.map(({ agency, unit }) => `${unit} (${AGENCIES[agency] ?? agency})`),
    ...recipients.wholeAgencies.map((agency) => `all personal inom ${(AGENCIES[agency] ?? agency).toLowerCase()}`),
  ];
  return parts.join(', ');
}

function Withdraw({ consent, onDone }: { consent: Consent; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!open)
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          Återkalla samtycket
        </Button>
      </Group>
    );
  const withdraw = async () => {
    try {
      await graphql(WITHDRAW, { id: consent.id, reason });
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <Stack gap="xs">
      <Text>
        Från och med nu får ingen läsa uppgifter med stöd av det här samtycket. En SIP som bygger på det avslutas.
      </Text>
      <Textarea
        label="Skriv kort varför du återkallar det"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group>
        <Button color="red" onClick={withdraw}>
          Ja, återkalla
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          Avbryt
        </Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

/** The other guardian gave a wider version; saying yes too makes it count. */
function Join({ consent, childId, onDone }: { consent: Consent; childId: string; onDone: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const join = async () => {
    try {
      const { sipParticipants, named, wholeAgencies } = consent.recipients;
      await graphql(GIVE, {
        input: {
          childId,
          scopes: consent.scopes,
          purpose: consent.purpose ?? 'Samordnad individuell plan (SIP)',
          validFrom: consent.validFrom,
          validUntil: consent.validUntil,
          recipients: { sipParticipants, named, wholeAgencies },
          replacesConsentId: consent.id,
        },
      });
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={join}>Jag säger också ja</Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

function Limit({
  consent,
  childId,
  sipId,
  onDone,
}: {
  consent: Consent;
  childId: string;
  sipId: string | null;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          Ändra eller begränsa
        </Button>
      </Group>
    );
  return (
    <ConsentForm
      childId={childId}
      sipId={consent.recipients.sipParticipants ? sipId : null}
      replaces={consent.id}
      initial={{
        scopes: consent.scopes,
        wholeAgencies: consent.recipients.wholeAgencies,
        purpose: consent.purpose ?? 'Samordnad individuell plan (SIP)',
        validUntil: consent.validUntil.slice(0, 10),
      }}
      submitLabel="Spara den nya versionen"
      onDone={onDone}
      onCancel={() => setOpen(false)}
    />
  );
}

/** Every consent about the child: what, to whom, until when; giving, limiting, joining and withdrawing one. */
export function ConsentsSection({ childId }: { childId: string }) {
  const [version, setVersion] = useState(0);
  const [giving, setGiving] = useState(false);
  const { data, error } = useQuery<{ consents: Consent[]; child: { sips: Array<{ id: string; status: string }> } }>(
    CONSENTS,
    { id: childId },
    version,
  );
  const me = signedInAs(tokenStore.get()).sub;
  const reload = () => {
    setGiving(false);
    setVersion((v) => v + 1);
  };
  const openSip = data?.child.sips.find((sip) => sip.status !== 'CLOSED')?.id ?? null;
  const shown = (data?.consents ?? []).filter((c) => c.status !== 'REPLACED');
  return (
    <Section title="Samtycken" error={error} loading={!data}>
      {shown.length === 0 && <Text>Det finns inga samtycken för barnet.</Text>}
      {shown.map((consent) => (
        <Card key={consent.id} withBorder>
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="filled" color={consent.status === 'ACTIVE' ? 'blue' : 'gray'}>
                {STATUSES[consent.status] ?? consent.status}
              </Badge>
            </Group>
            <Text>
              <strong>Uppgifter:</strong> {consent.scopes.map((scope) => SCOPES[scope] ?? scope).join(', ')}
            </Text>
            <Text>
              <strong>Får läsas av:</strong> {whoReceives(consent)}
            </Text>
            <Text>
              <strong>Gäller:</strong> {day(consent.validFrom)} – {day(consent.validUntil)}
            </Text>
            <Text>
              <strong>Givet av:</strong>{' '}
              {consent.givenByChild ? 'barnet självt' : names(consent.givenByGuardians) || 'ingen ännu'}
              {consent.recordedByStaff ? ' (antecknat av personal)' : ''}
            </Text>
            {consent.awaitingGuardians.length > 0 && (
              <Text>Väntar på att {names(consent.awaitingGuardians)} också säger ja.</Text>
            )}
            {consent.awaitingGuardians.some((guardian) => guardian.id === me) && (
              <Join consent={consent} childId={childId} onDone={reload} />
            )}
            {consent.status === 'ACTIVE' && (
              <>
                <Limit consent={consent} childId={childId} sipId={openSip} onDone={reload} />
                <Withdraw consent={consent} onDone={reload} />
              </>
            )}
          </Stack>
        </Card>
      ))}
      {giving ? (
        <Card withBorder>
          <ConsentForm
            childId={childId}
            sipId={openSip}
            submitLabel="Ge samtycket"
            onDone={reload}
            onCancel={() => setGiving(false)}
          />
        </Card>
      ) : (
        <Group>
          <Button onClick={() => setGiving(true)}>Ge ett nytt samtycke</Button>
        </Group>
      )}
    </Section>
  );
}
