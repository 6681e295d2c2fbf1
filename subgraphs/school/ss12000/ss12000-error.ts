import { SourceSystemError } from '../../../lib/source/source-system.ts';

/** Why an SS 12000 answer is missing. */
export type Ss12000Failure =
  /** No answer within the time allowed. */
  | 'timeout'
  /** No connection: the server is down, the name does not resolve, the connection was reset … */
  | 'unreachable'
  /** An HTTP status other than 2xx. */
  | 'status'
  /** A 2xx answer whose body is not what the standard says it is. */
  | 'invalid_response';

export interface Ss12000ErrorDetails {
  status?: number;
  /** The server's own error code (the standard's `Error.code`), when it looks like a code. */
  sourceCode?: string;
  timeoutMs?: number;
  /** A network error's code, such as ECONNREFUSED. */
  networkCode?: string;
}

/** How errors and health answers name the system. */
export const SS12000_SOURCE = 'SS 12000';

function reasonFor(failure: Ss12000Failure, operation: string, details: Ss12000ErrorDetails): string {
  const aside = (text: string | undefined) => (text ? ` (${text})` : '');
  switch (failure) {
    case 'timeout':
      return `no answer to ${operation} within ${details.timeoutMs} ms`;
    case 'unreachable':
      return `it could not be reached for ${operation}${aside(details.networkCode)}`;
    case 'status': {
      const code = aside(details.sourceCode && `code ${details.sourceCode}`);
      return `it answered ${operation} with HTTP ${details.status}${code}`;
    }
    case 'invalid_response':
      return `it answered ${operation} with a body that is not what the standard defines`;
  }
}

/**
 * A read from the school's SS 12000 API failed: the graph's `SourceSystemError`, with what went
 * wrong in fields a caller can match on. Its message ("SS 12000 is unavailable: it answered
 * POST /persons/lookup with HTTP 401 (code invalid_token)") names the operation by method and path
 * only, never the query string or body, and leaves out the server's message text, which might echo
 * them: civic numbers travel in request bodies and person ids in query strings.
 */
export class Ss12000Error extends SourceSystemError {
  readonly status?: number;
  readonly sourceCode?: string;

  constructor(
    readonly failure: Ss12000Failure,
    /** e.g. `POST /persons/lookup` */
    readonly operation: string,
    details: Ss12000ErrorDetails = {},
  ) {
    super(SS12000_SOURCE, reasonFor(failure, operation, details));
    this.status = details.status;
    this.sourceCode = details.sourceCode;
  }
}
