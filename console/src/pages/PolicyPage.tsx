import { Badge, Button, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, consoleApi } from '../api.ts';
import { Problem } from '../Problem.tsx';
import { WideTable } from '../WideTable.tsx';
import { AGENCIES, SCOPE_DESCRIPTIONS, SCOPES } from '../words.ts';
import type { PolicyDiff, PolicyReport } from '../../../lib/consent/policy-report.types.ts';

const DIFF_SECTIONS: Array<[keyof PolicyDiff, string]> = [
  ['becameUnguarded', 'Har förlorat sitt skydd'],
  ['addedWithoutPolicy', 'Nya fält utan policy'],
  ['changedScope', 'Byter kategori'],
  ['becameGuarded', 'Har fått skydd'],
  ['added', 'Nya fält med policy'],
  ['removed', 'Borttagna fält'],
];

const readFile = (file: File | null) => (file ? file.text() : Promise.resolve(undefined));

/** A field's policy as the diff states it: `@consent(SCOPE)`, "exempt", or none. */
const policyText = (policy: string | null) =>
  policy === null ? '–' : policy === 'exempt' ? 'undantaget' : <code>{policy}</code>;

function PolicyComparison() {
  const [before, setBefore] = useState<File | null>(null);
  const [after, setAfter] = useState<File | null>(null);
  const [diff, setDiff] = useState<PolicyDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const compare = async () => {
    setError(null);
    try {
      setDiff(
        await consoleApi<PolicyDiff>('policy-diff', { before: await readFile(before), after: await readFile(after) }),
      );
    } catch (problem) {
      setDiff(null);
      // The gateway's parser explains the fault in English, for developers; the officer needs to know what to choose.
      const unreadable = problem instanceof ApiError && problem.code === 'BAD_REQUEST';
      setError(
        unreadable
          ? new Error(
              `${before ? 'En av filerna' : 'Filen'} kunde inte läsas som en supergraf. Välj en hel supergraf ` +
                '(schema/supergraph.graphql från en ändring).',
            )
          : problem,
      );
    }
  };
  return (
    <Stack>
      <Title order={2}>Jämför två supergrafer</Title>
      <Text>
        Välj en föreslagen supergraf (schema/supergraph.graphql från en ändring). Utan en äldre fil jämförs den med den
        som grafen kör nu.
      </Text>
      <FileInput
        label="Äldre supergraf (valfri)"
        value={before}
        onChange={setBefore}
        clearable
        clearButtonProps={{ 'aria-label': 'Ta bort den äldre filen' }}
        accept=".graphql"
      />
      <FileInput
        label="Föreslagen supergraf"
        value={after}
        onChange={setAfter}
        clearable
        clearButtonProps={{ 'aria-label': 'Ta bort den föreslagna filen' }}
        accept=".graphql"
      />
      <Button onClick={compare} disabled={!after} w="fit-content">
        Jämför
      </Button>
      <Problem error={error} />
      {diff && (
        <section aria-label="Skillnader i policyn">
          {DIFF_SECTIONS.map(([key, heading]) => (
            <div key={key}>
              <Title order={3} size="h4">
                {heading} ({diff[key].length})
              </Title>
              {diff[key].length === 0 ? (
                <Text c="dimmed">Inga.</Text>
              ) : (
                <ul>
                  {diff[key].map((change) => (
                    <li key={change.field}>
                      <code>{change.field}</code>: {policyText(change.before)} → {policyText(change.after)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </Stack>
  );
}

/** The policy as the composed graph enforces it, and what a proposed change would do to it. */
export function PolicyPage() {
  const [report, setReport] = useState<PolicyReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    consoleApi<PolicyReport>('policy').then(setReport, setError);
  }, []);
  return (
    <Stack>
      <Title order={1}>Policy</Title>
      <Text>
        Varje fält som en verksamhet lämnar om ett barn till en annan verksamhets entitet, med den kategori
        (samtyckesomfattning) som ett samtycke måste täcka.
      </Text>
      <Problem error={error} />
      {report && (
        <>
          <WideTable label="Skyddade fält" minWidth={960}>
            <Table striped withTableBorder captionSide="top">
              <Table.Caption ta="start">Skyddade fält ({report.guarded.length})</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fält</Table.Th>
                  <Table.Th>Verksamhet</Table.Th>
                  <Table.Th>Kategori</Table.Th>
                  <Table.Th>Vad kategorin omfattar</Table.Th>
                  <Table.Th>Delar kategori med</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.guarded.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td>
                      <code>{f.field}</code>
                    </Table.Td>
                    <Table.Td>{f.agency ? AGENCIES[f.agency] : f.subgraph}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="blue">
                        {f.scope}
                      </Badge>{' '}
                      {f.scope && SCOPES[f.scope]}
                    </Table.Td>
                    <Table.Td>{(f.scope && SCOPE_DESCRIPTIONS[f.scope]) ?? '–'}</Table.Td>
                    <Table.Td>{f.sharesScopeWith.join(', ') || '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
          <Title order={2}>Undantag med skäl ({report.exempt.length})</Title>
          {report.exempt.length === 0 ? (
            <Text>Inga fält är undantagna.</Text>
          ) : (
            <ul>
              {report.exempt.map((f) => (
                <li key={f.field}>
                  <code>{f.field}</code>: {f.exemptReason}
                </li>
              ))}
            </ul>
          )}
          <Title order={2}>Fält utan policy ({report.withoutPolicy.length})</Title>
          <Text>
            {report.withoutPolicy.length === 0
              ? 'Inga: varje fält som korsar en verksamhetsgräns är skyddat eller undantaget.'
              : report.withoutPolicy.map((f) => f.field).join(', ')}
          </Text>
        </>
      )}
      <PolicyComparison />
    </Stack>
  );
}
