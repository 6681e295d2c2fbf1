/**
 * `npm run bench:releases`: what the log says against what readers got, when many requests for one
 * child arrive at once. Starts the graph (enforced, the default decision timeout unless
 * CONSENT_TIMEOUT_MS is set), sends BENCH_BURST simultaneous reads of Alva's care contacts and open
 * social case as the school counsellor, and prints, side by side, what the responses carried and
 * what the SIP core's log records. A measurement, not a test: it asserts nothing.
 */
import { ephemeralDevIdentity, DEMO_PERSONAS } from '../dev/dev-identity.ts';
import { demoChildren } from '../dev/demo/people.ts';
import { startGraph } from '../dev/start-graph.ts';
import { readConfig, SUBGRAPH_NAMES } from '../lib/config/config.ts';
import { silentLogger } from '../lib/server/logger.ts';
import { createTestDatabases } from '../test/support/test-databases.ts';

const BURST = Number(process.env.BENCH_BURST) || 200;
const QUERY = `query ($id: ID!) { child(id: $id) { careContacts { unitName } openSocialCase { caseNumber } } }`;
const FIELDS = ['careContacts', 'openSocialCase'] as const;
const PAGE = 500;

interface Body {
  data?: { child?: Record<string, unknown> | null } | null;
  errors?: Array<{ path?: string[]; extensions?: { code?: string } }>;
}
interface Entry {
  id: string;
  granted: boolean;
  release: string;
}

const dev = await ephemeralDevIdentity();
const counsellor = await dev.issueToken(DEMO_PERSONAS['school counsellor']);
const officer = await dev.issueToken(DEMO_PERSONAS['privacy officer']);
const { consentTimeoutMs } = readConfig();
const databases = await createTestDatabases(SUBGRAPH_NAMES, { kind: 'embedded' });
const graph = await startGraph({
  database: databases.location,
  port: () => 0,
  seed: true,
  identity: dev.identity,
  consentTimeoutMs,
  logger: silentLogger(),
});

const post = async (token: string, query: string, variables: Record<string, unknown>): Promise<Body> => {
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Body;
};

try {
  const bodies = await Promise.all(
    Array.from({ length: BURST }, () => post(counsellor, QUERY, { id: demoChildren.alva.id })),
  );
  const served = { released: 0, unavailable: 0, refused: 0 };
  for (const body of bodies)
    for (const field of FIELDS) {
      // A withheld list is served empty beside its error, so the error decides, not the value.
      const code = body.errors?.find((error) => error.path?.at(-1) === field)?.extensions?.code;
      if (code === 'CONSENT_UNAVAILABLE') served.unavailable += 1;
      else if (code !== undefined || body.data?.child?.[field] == null) served.refused += 1;
      else served.released += 1;
    }

  // The releases are confirmed on the subgraphs' next calls, or shortly after: send what waits, then read.
  await Promise.all(Object.values(graph.subgraphs).map((subgraph) => subgraph.settleReleases()));
  const entries: Entry[] = [];
  for (let before: string | null = null; ;) {
    const body = await post(
      officer,
      `query ($before: ID) { consentAuditLog(requesterSubject: "${DEMO_PERSONAS['school counsellor'].sub}",
         first: ${PAGE}, before: $before) { id kind granted release } }`,
      { before },
    );
    const page = (body.data as unknown as { consentAuditLog: Array<Entry & { kind: string }> }).consentAuditLog;
    entries.push(...page.filter((entry) => entry.kind === 'CROSS_AGENCY'));
    if (page.length < PAGE) break;
    before = page.at(-1)!.id;
  }
  const logged = (release: string) => entries.filter((entry) => entry.release === release).length;

  console.log(
    `\n${BURST} simultaneous requests for one child, 2 guarded fields each (${BURST * 2} values), ` +
      `decision timeout ${consentTimeoutMs} ms. Embedded databases, one process, ` +
      `${new Date().toISOString().slice(0, 10)}.\n`,
  );
  const row = (label: string, readers: number | string, log: number | string) =>
    console.log(`${label.padEnd(40)}${String(readers).padStart(14)}${String(log).padStart(14)}`);
  row('', 'readers got', 'the log says');
  row('values released', served.released, logged('RELEASED'));
  row('granted, then withheld (unavailable)', served.unavailable, logged('WITHHELD'));
  row('granted, release not confirmed', '–', logged('UNCONFIRMED'));
  row('refused', served.refused, logged('NOT_RELEASED'));
  row('decisions logged', '–', entries.length);
} finally {
  await graph.stop();
  await databases.drop();
}
