import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { graphql } from '../api.ts';
import { Problem } from '../Problem.tsx';
import { AGENCY_SUBGRAPHS } from '../../../policy/agencies.ts';
import { AGENCIES, REASONS } from '../words.ts';

interface Statistics {
  readsPerDay: Array<{ day: string; agency: string; reads: number }>;
  refusalsByReason: Array<{ reason: string; refusals: number }>;
  emergencyReadsPerDay: Array<{ day: string; reads: number }>;
}

const STATISTICS = `query ($from: DateTime!, $to: DateTime!) { auditStatistics(from: $from, to: $to) {
  readsPerDay { day agency reads } refusalsByReason { reason refusals } emergencyReadsPerDay { day reads } } }`;
// Colours with enough contrast against white for the bars and their legend.
const COLOURS: Record<string, string> = Object.fromEntries(
  AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry.colour]),
);
const day = (date: Date) => date.toISOString().slice(0, 10);

/** A chart with its numbers as a table too, for whoever does not read the picture. */
/** A figure's data as a table of labelled counts, one row each. */
function CountTable({ rows }: { rows: Array<[string, number]> }) {
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, count]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Figure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Title order={2} size="h3">
          {title}
        </Title>
      </figcaption>
      <div role="img" aria-label={summary} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>{children as never}</ResponsiveContainer>
      </div>
      <details>
        <summary>Visa som tabell</summary>
        {table}
      </details>
    </figure>
  );
}

/** Pictures where people would rather look than read: reads per day, refusals by reason, emergency reads. */
export function OverviewPage() {
  const [from, setFrom] = useState(day(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(day(new Date()));
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    if (to < from) return setError(new Error('Tidsintervall: "till" ligger före "från".'));
    graphql<{ auditStatistics: Statistics }>(STATISTICS, {
      from: `${from}T00:00:00Z`,
      to: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000).toISOString(),
    }).then(({ auditStatistics }) => setStats(auditStatistics), setError);
  }, [from, to]);
  const days = [...new Set(stats?.readsPerDay.map((r) => r.day) ?? [])];
  const perDay = days.map((d) => ({
    day: d,
    ...Object.fromEntries(stats!.readsPerDay.filter((r) => r.day === d).map((r) => [r.agency, r.reads])),
  }));
  const refusals = (stats?.refusalsByReason ?? []).map((r) => ({
    reason: REASONS[r.reason] ?? r.reason,
    refusals: r.refusals,
  }));
  const total = (stats?.readsPerDay ?? []).reduce((sum, r) => sum + r.reads, 0);
  const emergencyTotal = (stats?.emergencyReadsPerDay ?? []).reduce((sum, r) => sum + r.reads, 0);
  return (
    <Stack>
      <Title order={1}>Översikt</Title>
      <Group>
        <TextInput label="Från" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="Till" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <Problem error={error} />
      {stats && (
        <>
          <Figure
            title="Läsningar per dag och verksamhet"
            summary={`${total} läsningar av personal under perioden, fördelade per dag och verksamhet.`}
            table={
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Dag</Table.Th>
                    {Object.keys(AGENCIES).map((a) => (
                      <Table.Th key={a}>{AGENCIES[a]}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {perDay.map((row) => (
                    <Table.Tr key={row.day}>
                      <Table.Td>{row.day}</Table.Td>
                      {Object.keys(AGENCIES).map((a) => (
                        <Table.Td key={a}>{((row as Record<string, unknown>)[a] as number) ?? 0}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
          >
            <BarChart data={perDay}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {Object.keys(AGENCIES).map((a) => (
                <Bar key={a} dataKey={a} name={AGENCIES[a]} stackId="reads" fill={COLOURS[a]} />
              ))}
            </BarChart>
          </Figure>
          <Figure
            title="Nekade läsningar per skäl"
            summary={refusals.map((r) => `${r.reason}: ${r.refusals}`).join('; ') || 'Inga nekade läsningar.'}
            table={<CountTable rows={refusals.map((r) => [r.reason, r.refusals])} />}
          >
            <BarChart data={refusals} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="reason" width={150} />
              <Tooltip />
              <Bar dataKey="refusals" name="Nekade" fill="#8a3b12" />
            </BarChart>
          </Figure>
          <Figure
            title="Läsningar under nödåtkomst"
            summary={`${emergencyTotal} läsningar under nödåtkomst under perioden.`}
            table={<CountTable rows={stats.emergencyReadsPerDay.map((r) => [r.day, r.reads])} />}
          >
            <LineChart data={stats.emergencyReadsPerDay}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Line dataKey="reads" name="Läsningar" stroke="#1c5d99" />
            </LineChart>
          </Figure>
          <Text size="sm" c="dimmed">
            Dagar räknas i svensk tid.
          </Text>
        </>
      )}
    </Stack>
  );
}
