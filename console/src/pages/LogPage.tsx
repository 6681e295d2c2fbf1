import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../api.ts';
import { csvCell } from '../csv-cells.ts';
import { personnummerProblem } from '../personnummer.ts';
import { Problem } from '../Problem.tsx';
import { WideTable } from '../WideTable.tsx';
import { AGENCIES, options, READS, REASONS, RELEASES, SCOPES, staffMember, when } from '../words.ts';

interface Entry {
  id: string;
  decidedAt: string;
  kind: string;
  requesterSubject: string;
  requesterName: string | null;
  requesterRole: string;
  requesterAgency: string | null;
  requesterUnit: string | null;
  scope: string | null;
  fields: string[];
  granted: boolean;
  reason: string | null;
  release: string;
  consentId: string | null;
  emergencyAccessId: string | null;
  purpose: string | null;
  child: { givenName: string; familyName: string; personnummer: string } | null;
}

const PAGE = 50;
const LOG = `query ($childId: ID, $subject: String, $unit: String, $agency: Agency, $scope: ConsentScope,
  $granted: Boolean, $from: DateTime, $to: DateTime, $before: ID) {
  consentAuditLog(childId: $childId, requesterSubject: $subject, requesterUnit: $unit, requesterAgency: $agency,
    scope: $scope, granted: $granted, from: $from, to: $to, first: ${PAGE}, before: $before) {
    id decidedAt kind requesterSubject requesterName requesterRole requesterAgency requesterUnit scope fields granted
    reason release consentId emergencyAccessId purpose child { givenName familyName personnummer } } }`;

/** Who read: their name from their token, or what the log knows of them; never only an id. */
const reader = (e: Entry) => e.requesterName ?? staffMember({ role: e.requesterRole, agency: e.requesterAgency });
const what = (e: Entry) => (e.scope ? (SCOPES[e.scope] ?? e.scope) : (READS[e.kind] ?? e.kind));
const outcome = (e: Entry) => (e.granted ? 'beviljat' : `nekat: ${REASONS[e.reason ?? ''] ?? e.reason ?? ''}`);

const CSV_COLUMNS: Array<[string, (e: Entry) => string]> = [
  ['tid', (e) => e.decidedAt],
  ['barn', (e) => (e.child ? `${e.child.givenName} ${e.child.familyName}` : '')],
  ['personnummer', (e) => e.child?.personnummer ?? ''],
  ['läsare', reader],
  ['användar-id', (e) => e.requesterSubject],
  ['verksamhet', (e) => (e.requesterAgency ? (AGENCIES[e.requesterAgency] ?? e.requesterAgency) : '')],
  ['enhet', (e) => e.requesterUnit ?? ''],
  ['vad', what],
  ['fält', (e) => e.fields.join(' ')],
  ['utfall', outcome],
  ['utlämnat', (e) => RELEASES[e.release] ?? e.release],
  ['samtycke', (e) => e.consentId ?? ''],
  ['nödåtkomst', (e) => e.emergencyAccessId ?? ''],
  ['syfte', (e) => e.purpose ?? ''],
];

/** The entries as CSV (UTF-8 with BOM, for spreadsheet programs), offered as a download. */
function downloadCsv(entries: Entry[]) {
  const lines = [CSV_COLUMNS.map(([name]) => name), ...entries.map((e) => CSV_COLUMNS.map(([, of]) => of(e)))];
  const csv = `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = 'sip-logg.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The audit log searched by child, requester, unit, agency, category, outcome and time, paged, exportable. */
export function LogPage() {
  const [personnummer, setPersonnummer] = useState('');
  const [purpose, setPurpose] = useState('');
  const [subject, setSubject] = useState('');
  const [unit, setUnit] = useState('');
  const [agency, setAgency] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [variables, setVariables] = useState<Record<string, unknown>>({});

  const load = async (base: Record<string, unknown>, before?: string) => {
    const { consentAuditLog } = await graphql<{ consentAuditLog: Entry[] }>(LOG, { ...base, before });
    setMore(consentAuditLog.length === PAGE);
    return consentAuditLog;
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      if (from && to && new Date(to) < new Date(from)) throw new Error('Tidsintervall: "till" ligger före "från".');
      let childId: string | undefined;
      if (personnummer.trim()) {
        const problem = personnummerProblem(personnummer);
        if (problem) throw new Error(`Personnummer: ${problem}.`);
        if (!purpose.trim()) throw new Error('Syfte: ange varför du söker barnet; sökningen loggas med syftet.');
        const { childByPersonnummer } = await graphql<{ childByPersonnummer: { id: string } | null }>(
          `
            query ($p: String!, $purpose: String!) {
              childByPersonnummer(personnummer: $p, purpose: $purpose) {
                id
              }
            }
          `,
          { p: personnummer.trim(), purpose: purpose.trim() },
        );
        if (!childByPersonnummer) throw new Error('Personnummer: inget barn har det personnumret.');
        childId = childByPersonnummer.id;
      }
      const base = {
        childId,
        subject: subject.trim() || undefined,
        unit: unit.trim() || undefined,
        agency: agency ?? undefined,
        scope: scope ?? undefined,
        granted: outcome === null ? undefined : outcome === 'granted',
        from: from ? new Date(from).toISOString() : undefined,
        to: to ? new Date(to).toISOString() : undefined,
      };
      setVariables(base);
      setEntries(await load(base));
    } catch (problem) {
      setEntries(null);
      setError(problem);
    }
  };
  const loadMore = async () => {
    try {
      const next = await load(variables, entries?.at(-1)?.id);
      setEntries([...(entries ?? []), ...next]);
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <Stack>
      <Title order={1}>Loggen</Title>
      <form onSubmit={search} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Barnets personnummer"
              value={personnummer}
              onChange={(e) => setPersonnummer(e.currentTarget.value)}
            />
            <TextInput
              label="Syfte med sökningen på barnet (loggas)"
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Läsarens användar-id"
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
            <TextInput label="Enhet" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
            <Select label="Verksamhet" data={options(AGENCIES)} value={agency} onChange={setAgency} clearable />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Select label="Kategori" data={options(SCOPES)} value={scope} onChange={setScope} clearable />
            <Select
              label="Utfall"
              data={[
                { value: 'granted', label: 'Beviljat' },
                { value: 'refused', label: 'Nekat' },
              ]}
              value={outcome}
              onChange={setOutcome}
              clearable
            />
            <TextInput
              label="Från"
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput label="Till" type="datetime-local" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </SimpleGrid>
          <Group>
            <Button type="submit">Sök i loggen</Button>
            {entries && entries.length > 0 && (
              <Button variant="light" onClick={() => downloadCsv(entries)}>
                Exportera till CSV ({entries.length} rader)
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <Problem error={error} />
      {entries && entries.length === 0 && <Text role="status">Inget i loggen motsvarar sökningen.</Text>}
      {entries && entries.length > 0 && (
        <WideTable label="Loggposter" minWidth={760}>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption ta="start">Loggposter, nyast först</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tid</Table.Th>
                <Table.Th>Barn</Table.Th>
                <Table.Th>Läsare</Table.Th>
                <Table.Th>Vad</Table.Th>
                <Table.Th>Utfall</Table.Th>
                <Table.Th>Grund</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{when(e.decidedAt)}</Table.Td>
                  <Table.Td>{e.child ? `${e.child.givenName} ${e.child.familyName}` : '–'}</Table.Td>
                  <Table.Td>
                    {reader(e)}
                    {e.requesterUnit ? `, ${e.requesterUnit}` : ''}
                    {e.requesterAgency ? ` (${AGENCIES[e.requesterAgency]})` : ''}
                  </Table.Td>
                  <Table.Td>{what(e)}</Table.Td>
                  <Table.Td>
                    {e.granted ? 'Beviljat' : `Nekat: ${REASONS[e.reason ?? ''] ?? e.reason}`}; {RELEASES[e.release]}
                  </Table.Td>
                  <Table.Td>
                    {e.emergencyAccessId
                      ? `Nödåtkomst ${e.emergencyAccessId}`
                      : e.consentId
                        ? `Samtycke ${e.consentId}`
                        : e.purpose
                          ? `Syfte: ${e.purpose}`
                          : '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      {more && (
        <Button variant="default" onClick={loadMore} w="fit-content">
          Visa fler
        </Button>
      )}
    </Stack>
  );
}
