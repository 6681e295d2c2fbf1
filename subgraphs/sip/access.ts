import { isFamily, Role, type Requester } from '../../lib/auth/requester.ts';
import { ForbiddenError } from '../../lib/errors.ts';
import type { SipContext } from './context.ts';

/** Agency staff (not a family member, not a privacy officer). */
export function assertStaff(requester: Requester, action: string): void {
  if (isFamily(requester) || requester.role === Role.PrivacyOfficer)
    throw new ForbiddenError(`only agency staff may ${action}`);
}

export function assertPrivacyOfficer(requester: Requester, action: string): void {
  if (requester.role !== Role.PrivacyOfficer) throw new ForbiddenError(`only a privacy officer may ${action}`);
}

const familyChildIdsOfRequest = new WeakMap<SipContext, Promise<string[] | null>>();

/**
 * Children a family member may see: a guardian their own children, a child themselves. Null means
 * no family limit. Read once per request, however many children the request resolves.
 */
export function familyChildIds(context: SipContext): Promise<string[] | null> {
  const known = familyChildIdsOfRequest.get(context);
  if (known) return known;
  const { requester } = context;
  const ids: Promise<string[] | null> =
    requester.role === Role.Child
      ? Promise.resolve([requester.subject])
      : requester.role !== Role.Guardian
        ? Promise.resolve(null)
        : context.prisma.guardianship
            .findMany({ where: { guardianId: requester.subject }, select: { childId: true } })
            .then((guardianships) => guardianships.map((guardianship) => guardianship.childId));
  familyChildIdsOfRequest.set(context, ids);
  return ids;
}

/**
 * A family member resolves only their own family's children, in the SIP core and through
 * `_entities`. Staff resolve a child by id, but its identity fields follow `policy/child-records.ts`.
 */
export async function assertMaySeeChild(context: SipContext, childId: string): Promise<void> {
  const own = await familyChildIds(context);
  if (own !== null && !own.includes(childId))
    throw new ForbiddenError("a family member may see only their own child's records");
}
