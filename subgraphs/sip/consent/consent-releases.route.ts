import type { ConsentRelease, ConsentReleaseRequest } from '../../../lib/consent/consent-decision.ts';
import { ErrorCode } from '../../../lib/errors.ts';
import { HttpRequestError, sendJson } from '../../../lib/server/http-errors.ts';
import type { SubgraphRoute } from '../../../lib/subgraph/subgraph-definition.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import { isConsentScope } from '../../../policy/scopes.ts';

const MAX_RELEASES = 10_000;

const isRelease = (value: unknown): value is ConsentRelease => {
  const release = value as ConsentRelease;
  return (
    typeof release === 'object' &&
    release !== null &&
    typeof release.childId === 'string' &&
    isUuid(release.childId) &&
    typeof release.scope === 'string' &&
    isConsentScope(release.scope) &&
    typeof release.released === 'boolean'
  );
};

/**
 * POST /consent/releases: the subgraph that asked for decisions in a request says, once its
 * response is ready, which granted data it released and which it withheld after all. Only the
 * subgraph that signs which it is, for this request, is heard; what it says is kept beside the
 * decisions (the log shows released, withheld, or unconfirmed).
 */
export const consentReleasesRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, requesterContext, callerSubgraph },
) => {
  if (!callerSubgraph)
    throw new HttpRequestError(401, ErrorCode.Unauthenticated, 'Unauthenticated: only the asking subgraph confirms');
  const releases = (req.body as Partial<ConsentReleaseRequest> | undefined)?.releases;
  if (!Array.isArray(releases) || releases.length > MAX_RELEASES || !releases.every(isRelease))
    throw new HttpRequestError(
      400,
      ErrorCode.BadRequest,
      `expected { releases: [{ childId, scope, released }] } with at most ${MAX_RELEASES} releases`,
    );
  const groups = new Map<string, { scope: string; released: boolean; childIds: string[] }>();
  for (const { childId, scope, released } of releases) {
    const key = `${scope}/${released}`;
    const group = groups.get(key) ?? { scope, released, childIds: [] };
    group.childIds.push(childId);
    groups.set(key, group);
  }
  // One row per scope and outcome, with its children, as the decisions are stored.
  await prisma.releaseGroup.createMany({
    data: [...groups.values()].map((group) => ({
      ...group,
      requestId: requesterContext.requestId,
      subgraph: callerSubgraph,
      confirmedAt: clock(),
    })),
  });
  sendJson(res, 200, { stored: releases.length });
};
