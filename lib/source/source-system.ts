import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { httpCall, type HttpAnswer } from '../http-client.ts';

/** Where an agency's existing system answers, and how the adapter proves who it is there. */
export interface SourceLocation {
  url: string;
  /**
   * A bearer token, as the region's FHIR server or the school's SS 12000 API issued it to this
   * adapter; empty for a database, whose URL carries its credentials.
   */
  token: string;
  /** A database source only: the role each connection takes (`SET ROLE`), e.g. the vendor's read-only one. */
  role?: string;
  /** A database source only: the most connections to open (an embedded database takes one). */
  maxConnections?: number;
  /** The longest one call may take before the read fails. */
  timeoutMs: number;
}

/**
 * The agency system an adapter subgraph reads (its system of record): what it is called in health
 * answers and errors, the environment variables that point at it, and how to open and check it.
 */
export interface SourceSystem<TClient> {
  /** As an integration team names it, e.g. 'HL7 FHIR R4 (the region's journal system)'. */
  label: string;
  /** `FHIR` for HEALTH_FHIR_URL and HEALTH_FHIR_TOKEN. */
  variable: string;
  /** False for a database, whose URL carries its credentials; otherwise the adapter needs a token. */
  needsToken?: boolean;
  connect(location: SourceLocation): TClient;
  /** Resolves when the system answers; a SourceSystemError says why not. */
  check(client: TClient): Promise<void>;
}

/**
 * The agency system failed a read: down, too slow, refusing the adapter, or answering with an error
 * of its own. It names the system and what went wrong, never whose data was asked for, so it may
 * reach the reader at the field's path and the log alike; a read that fails gives no partial answer.
 */
export class SourceSystemError extends GraphQLError {
  constructor(
    readonly system: string,
    readonly reason: string,
  ) {
    super(`${system} is unavailable: ${reason}`, {
      extensions: { code: ErrorCode.SourceUnavailable, source: system, reason },
    });
  }
}

/**
 * A GET, or a POST of JSON or of a form, to an agency system with the adapter's token and a
 * deadline, answered with JSON; any failure is a SourceSystemError. `describeError` reads the
 * system's own error body (an OperationOutcome, an SS 12000 error) into words.
 */
export async function callSource<T>(
  source: { label: string; location: SourceLocation; describeError(body: unknown): string | undefined },
  url: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; form?: URLSearchParams; accept?: string } = {},
): Promise<T> {
  let res: HttpAnswer;
  try {
    res = await httpCall(url, {
      method: init.method ?? 'GET',
      headers: {
        accept: init.accept ?? 'application/json',
        authorization: `Bearer ${source.location.token}`,
        ...(init.body !== undefined && { 'content-type': init.accept ?? 'application/json' }),
        ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: init.form?.toString() ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      timeoutMs: source.location.timeoutMs,
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new SourceSystemError(
      source.label,
      timedOut ? `no answer within ${source.location.timeoutMs} ms` : 'it could not be reached',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  if (res.status < 200 || res.status >= 300) {
    const detail = source.describeError(body);
    throw new SourceSystemError(source.label, `it answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`);
  }
  if (body === undefined) throw new SourceSystemError(source.label, 'it answered something that is not JSON');
  return body as T;
}
