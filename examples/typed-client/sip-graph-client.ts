/**
 * A small typed client of the graph, for frontend developers to copy: graphql-request with the
 * documents and types GraphQL Code Generator writes (graphql.generated.ts). It keeps the response's
 * errors (`errorPolicy: 'all'`), because a field the requester may not read is `null` with an error
 * at its path: "not shared with you", which a UI must not show as "none".
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLClient, type Variables } from 'graphql-request';
import type { TypedDocumentString } from './graphql.generated.ts';

/** The codes of a value the graph holds but did not give this requester. */
export const WITHHELD_CODES = ['CONSENT_REQUIRED', 'CONSENT_UNAVAILABLE', 'FORBIDDEN', 'RECORDS_LEFT_OUT'] as const;
export type WithheldCode = (typeof WITHHELD_CODES)[number];

/** A value withheld from the response, where it is and why. */
export interface Withheld {
  /** Where in `data`, e.g. `['mySips', 0, 'child', 'openSocialCase']`; the value there is null. */
  path: ReadonlyArray<string | number>;
  code: WithheldCode;
  /** The stable reason (`EXPIRED`, `BLOCKED`, `NO_RELATION`, …), where there is one. */
  reason: string | null;
  /** The information category, for consent refusals. */
  scope: string | null;
  /** RECORDS_LEFT_OUT only: how many records the family blocked from the list at `path`, which is served. */
  leftOut: number | null;
}

export interface SipGraphResult<TData> {
  data: TData;
  /** Empty when nothing was withheld. */
  withheld: Withheld[];
}

const isWithheldCode = (code: unknown): code is WithheldCode => WITHHELD_CODES.includes(code as WithheldCode);

/** The withheld values among a response's errors; any other error is thrown. */
export function withheldOf(errors: readonly GraphQLFormattedError[] = []): Withheld[] {
  const other = errors.find((error) => !isWithheldCode(error.extensions?.code) || !error.path);
  if (other) throw new Error(`the graph answered ${String(other.extensions?.code)}: ${other.message}`);
  return errors.map(({ path, extensions = {} }) => ({
    path: path!,
    code: extensions.code as WithheldCode,
    reason: typeof extensions.reason === 'string' ? extensions.reason : null,
    scope: typeof extensions.scope === 'string' ? extensions.scope : null,
    leftOut: typeof extensions.leftOut === 'number' ? extensions.leftOut : null,
  }));
}

export class SipGraphClient {
  private readonly client: GraphQLClient;

  /** `token`: the signed-in user's bearer token from the identity provider. */
  constructor(url: string, token: string) {
    this.client = new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` }, errorPolicy: 'all' });
  }

  /** Runs one generated operation: its typed data, and what was withheld from it. */
  async run<TData, TVariables extends Variables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<SipGraphResult<TData>> {
    const { data, errors } = await this.client.rawRequest<TData, TVariables>(document.toString(), variables);
    return { data, withheld: withheldOf(errors) };
  }
}
