import type { ConsentRelease, ConsentReleaseRequest } from '../../../../lib/consent/consent-decision.ts';
import { ErrorCode } from '../../../../lib/errors.ts';
import { HttpRequestError, sendJson } from '../../../../lib/server/http-errors.ts';
import type { SubgraphRoute } from '../../../../lib/subgraph/subgraph-definition.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { isConsentScope } from '../../../../policy/scopes.ts';
import { storeAudit, type ReleaseRecord } from '../audit/store-audit.ts';

const MAX_RELEASES = 50_000;

const isRelease = (value: unknown): value is ConsentRelease => {
  const release = value as ConsentRelease;
  return (
    typeof release === 'object' &&
    release !== null &&
    typeof release.requestId === 'string' &&
    release.requestId.length <= 128 &&
    typeof release.childId === 'string' &&
    isUuid(release.childId) &&
    typeof release.scope === 'string' &&
    isConsentScope(release.scope) &&
    typeof release.released === 'boolean'
  );
};

/** The confirmations a call carries, checked; a 400 naming the expected shape for anything else. */
export function readReleases(value: unknown): ConsentRelease[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_RELEASES || !value.every(isRelease))
    throw new HttpRequestError(
      400,
      ErrorCode.BadRequest,
      `expected releases: [{ requestId, childId, scope, released }], at most ${MAX_RELEASES}`,
    );
  return value;
}

/** The confirmations as the log keeps them, attributed to the subgraph that signed the call. */
export const releaseRecords = (releases: ConsentRelease[], subgraph: string, confirmedAt: Date): ReleaseRecord[] =>
  releases.map((release) => ({ ...release, subgraph, confirmedAt }));

/**
 * POST /consent/releases: a subgraph says, once its responses are ready, which granted data it
 * released and which it withheld after all, for any of its recent requests. Usually this rides
 * along with its next request for decisions; this route takes what had no ride. Only a subgraph
 * that signs which it is, over this very body, is heard; no requester is needed.
 */
export const consentReleasesRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, callerSubgraph },
) => {
  if (!callerSubgraph)
    throw new HttpRequestError(401, ErrorCode.Unauthenticated, 'Unauthenticated: only the asking subgraph confirms');
  const releases = readReleases((req.body as Partial<ConsentReleaseRequest> | undefined)?.releases ?? null);
  await storeAudit(prisma, [], releaseRecords(releases, callerSubgraph, clock()));
  sendJson(res, 200, { stored: releases.length });
};
