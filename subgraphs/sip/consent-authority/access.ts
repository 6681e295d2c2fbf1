import type { Requester } from '../../../lib/auth/requester.ts';
import { isOfAge } from '../../../policy/age.ts';
import { familyMemberOf, isPrivacyOfficer, isStaff } from '../../../policy/roles.ts';
import { ForbiddenError } from '../../../lib/errors.ts';
import type { AuthorityContext } from './context.ts';

/** Agency staff (not a family member, not a privacy officer). */
export function assertStaff(requester: Requester, action: string): void {
  if (!isStaff(requester)) throw new ForbiddenError(`only agency staff may ${action}`);
}

export function assertPrivacyOfficer(requester: Requester, action: string): void {
  if (!isPrivacyOfficer(requester)) throw new ForbiddenError(`only a privacy officer may ${action}`);
}

const familyChildIdsOfRequest = new WeakMap<AuthorityContext, Promise<string[] | null>>();

/**
 * Children a family member may see: a guardian their own children until they are 18, a child
 * themselves. Null means no family limit. Read once per request, however many children the request
 * resolves.
 */
export function familyChildIds(context: AuthorityContext): Promise<string[] | null> {
  const known = familyChildIdsOfRequest.get(context);
  if (known) return known;
  const member = familyMemberOf(context.requester);
  const ids: Promise<string[] | null> =
    member === null
      ? Promise.resolve(null)
      : member.kind === 'child'
        ? Promise.resolve([member.childId])
        : context.prisma.guardianship
            .findMany({
              where: { guardianId: member.guardianId },
              select: { childId: true, child: { select: { dateOfBirth: true } } },
            })
            .then((guardianships) =>
              guardianships
                .filter(({ child }) => !isOfAge(child.dateOfBirth, context.clock()))
                .map((guardianship) => guardianship.childId),
            );
  familyChildIdsOfRequest.set(context, ids);
  return ids;
}

/**
 * A family member resolves only their own family's children, in the SIP core and through
 * `_entities`. Staff resolve a child by id, but its identity fields follow `policy/child-records.ts`.
 */
export async function assertMaySeeChild(context: AuthorityContext, childId: string): Promise<void> {
  const own = await familyChildIds(context);
  if (own !== null && !own.includes(childId))
    throw new ForbiddenError("a family member may see only their own child's records");
}
