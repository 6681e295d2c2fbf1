import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { callSource, SourceSystemError, type SourceLocation } from '../../../lib/source/source-system.ts';

export const FHIR_LABEL = 'the FHIR server (HL7 FHIR R4)';

/** A search's matches, and the resources `_include` brought along (the patients, here). */
export interface SearchResult<T extends Resource> {
  matches: T[];
  included: Resource[];
}

export interface FhirClient {
  /**
   * One search, every page of it: POSTed to `_search` (its parameters in the body, so a search for
   * a thousand children fits where a URL would not), then the server's `next` links until the last.
   */
  search<T extends Resource>(resourceType: T['resourceType'], params: URLSearchParams): Promise<SearchResult<T>>;
  create<T extends Resource>(resource: T): Promise<T>;
  /** GET /metadata: the server's CapabilityStatement, which every FHIR server answers. */
  capabilities(): Promise<void>;
}

/**
 * The issue codes of an OperationOutcome (e.g. `invalid`, `not-found`): what went wrong, never the
 * diagnostics text, which may quote what was searched for.
 */
function describeOutcome(body: unknown): string | undefined {
  const outcome = body as OperationOutcome | undefined;
  if (outcome?.resourceType !== 'OperationOutcome') return undefined;
  const codes = [...new Set((outcome.issue ?? []).map((issue) => issue.code))];
  return codes.length > 0 ? `OperationOutcome: ${codes.join(', ')}` : 'OperationOutcome';
}

/** Pages a search may span before the read fails: a bound, so a server that links in a loop cannot hold a request. */
const MAX_PAGES = 100;
/** Resources per page the adapter asks for (`_count`); the server may give fewer. */
export const PAGE_SIZE = 200;

export function createFhirClient(location: SourceLocation, onCall?: (url: string) => void): FhirClient {
  const base = location.url.replace(/\/+$/, '');
  const source = { label: FHIR_LABEL, location, describeError: describeOutcome };
  const call = <T>(url: string, init?: Parameters<typeof callSource>[2]) => {
    onCall?.(url);
    return callSource<T>(source, url, { accept: 'application/fhir+json', ...init });
  };
  return {
    async search<T extends Resource>(resourceType: T['resourceType'], params: URLSearchParams) {
      const result: SearchResult<T> = { matches: [], included: [] };
      const form = new URLSearchParams(params);
      form.set('_count', String(PAGE_SIZE));
      let bundle: Bundle = await call<Bundle>(`${base}/${resourceType}/_search`, { method: 'POST', form });
      for (let page = 1; ; page++) {
        for (const entry of bundle.entry ?? []) {
          if (!entry.resource) continue;
          if (entry.search?.mode === 'include') result.included.push(entry.resource);
          else if (entry.resource.resourceType === resourceType) result.matches.push(entry.resource as T);
        }
        const url = bundle.link?.find((link) => link.relation === 'next')?.url;
        if (!url) return result;
        if (page === MAX_PAGES) throw new SourceSystemError(FHIR_LABEL, `a search ran past ${MAX_PAGES} pages`);
        // The adapter's token goes to its own server only, wherever a link points.
        if (new URL(url).origin !== new URL(base).origin)
          throw new SourceSystemError(FHIR_LABEL, 'a search linked to another server');
        bundle = await call<Bundle>(url);
      }
    },
    create: (resource) => call(`${base}/${resource.resourceType}`, { method: 'POST', body: resource }),
    capabilities: async () => {
      await call(`${base}/metadata`);
    },
  };
}
