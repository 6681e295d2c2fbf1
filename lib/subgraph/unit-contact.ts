import type { Agency } from '../../policy/agencies.ts';
import type { Requester } from '../../policy/roles.ts';
import { requiredRequester } from '../auth/identity-token.ts';
import { ErrorCode } from '../errors.ts';
import { HttpRequestError, sendJson } from '../server/http-errors.ts';
import type { SubgraphRoute, SubgraphServices } from './subgraph-definition.ts';
import { isUuid } from '../uuid.ts';
import { swedishToday } from '../periods.ts';

/**
 * Where an agency subgraph answers whether the requester's own unit is in contact with a child
 * (`policy/emergency-access.ts`, `UNIT_IN_CONTACT`): the SIP core asks it, on the requester's behalf,
 * before it opens emergency access to someone outside the child's SIPs.
 */
export const UNIT_CONTACT_PATH = '/contact/unit';

export interface UnitContactQuestion {
  childId: string;
}

export interface UnitContactAnswer {
  inContact: boolean;
}

/** The agency's own answer, from its own system, for a member of its staff on the day `today` (in Sweden). */
export type UnitContactCheck<TPrisma, TSource = null> = (
  services: SubgraphServices<TPrisma, TSource>,
  childId: string,
  staff: Requester & { unit: string },
  today: Date,
) => Promise<boolean>;

/**
 * POST /contact/unit on an agency subgraph. It says only what the requester could read in their
 * own agency's records anyway, and only about their own unit: anyone not of this agency is told no.
 */
export function unitContactRoute<TPrisma, TSource = null>(
  agency: Agency,
  check: UnitContactCheck<TPrisma, TSource>,
): SubgraphRoute<TPrisma, TSource> {
  return async (req, res, services) => {
    const { clock, requesterContext } = services;
    const { requester } = requiredRequester(requesterContext);
    const { childId } = (req.body ?? {}) as Partial<UnitContactQuestion>;
    if (typeof childId !== 'string' || !isUuid(childId))
      throw new HttpRequestError(400, ErrorCode.BadRequest, 'expected { childId } with a child id');
    const ownStaff = requester.agency === agency && requester.unit !== null;
    const answer: UnitContactAnswer = {
      inContact:
        ownStaff && (await check(services, childId, requester as Requester & { unit: string }, swedishToday(clock()))),
    };
    sendJson(res, 200, answer);
  };
}
