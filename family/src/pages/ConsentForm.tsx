import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../api.ts';
import { AGENCIES, SCOPE_AGENCY, SCOPE_DESCRIPTIONS, SCOPES } from '../words.ts';

const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;
const BY_AGENCY = Object.keys(AGENCIES).map((agency) => ({
  agency,
  scopes: Object.keys(SCOPES).filter((scope) => SCOPE_AGENCY[scope] === agency),
}));

export interface ConsentTerms {
  scopes: string[];
  wholeAgencies: string[];
  purpose: string;
  validUntil: string;
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/**
 * Giving consent, or a new version of one: limiting it (fewer categories, fewer recipients, a
 * shorter time), or saying yes to the version the other guardian gave. What it releases, to whom,
 * and until when, in words.
 */
export function ConsentForm({
  childId,
  sipId,
  replaces,
  initial,
  submitLabel,
  onDone,
  onCancel,
}: {
  childId: string;
  sipId: string | null;
  replaces?: string;
  initial?: ConsentTerms;
  submitLabel: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [scopes, setScopes] = useState<string[]>(initial?.scopes ?? []);
  const [wholeAgencies, setWholeAgencies] = useState<string[]>(initial?.wholeAgencies ?? []);
  const [purpose, setPurpose] = useState(initial?.purpose ?? 'Samordnad individuell plan (SIP)');
  const [validUntil, setValidUntil] = useState(initial?.validUntil ?? inAYear());
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await graphql(GIVE, {
        input: {
          childId,
          scopes,
          purpose,
          validFrom: new Date().toISOString(),
          validUntil: new Date(`${validUntil}T23:59:59`).toISOString(),
          recipients: { sipParticipants: sipId !== null, named: [], wholeAgencies },
          ...(sipId && !replaces && { sipId }),
          ...(replaces && { replacesConsentId: replaces }),
        },
      });
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Checkbox.Group label="Vilka uppgifter får delas?" value={scopes} onChange={setScopes}>
          <Stack gap="xs" mt={6}>
            {BY_AGENCY.map(({ agency, scopes: own }) => (
              <Stack key={agency} gap={4}>
                <Text fw={700} size="sm">
                  Från {AGENCIES[agency].toLowerCase()}
                </Text>
                {own.map((scope) => (
                  <Checkbox key={scope} value={scope} label={SCOPES[scope]} description={SCOPE_DESCRIPTIONS[scope]} />
                ))}
              </Stack>
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm">
          {sipId
            ? 'Uppgifterna får läsas av personalen som är med i barnets SIP, så länge de är med.'
            : 'Välj vilka verksamheter som får läsa uppgifterna.'}
        </Text>
        <Checkbox.Group label="Fler som får läsa (frivilligt)" value={wholeAgencies} onChange={setWholeAgencies}>
          <Stack gap={6} mt={6}>
            {Object.entries(AGENCIES).map(([agency, name]) => (
              <Checkbox key={agency} value={agency} label={`All personal inom ${name.toLowerCase()}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label="Varför delas uppgifterna?"
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Samtycket gäller till och med"
          value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit">{submitLabel}</Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Avbryt
            </Button>
          )}
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
