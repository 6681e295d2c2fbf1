import type { Prisma } from '../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { isUuid } from '../../../lib/uuid.ts';
import { consentsInEffect } from '../../../policy/consent-rule.ts';
import { loadConsentFacts, type ChildConsentFacts } from './consent/consent-facts.ts';
import { CONSENT_INCLUDE } from './consent/consent.mapper.ts';
import type { AuthorityContext } from './context.ts';
import { sipRoleOf, type SipRole as PolicySipRole } from '../../../policy/sip-access.ts';

export type Tx = Prisma.TransactionClient;
/** How the requester stands to a SIP, with their participant row. */
export type SipRole = PolicySipRole<Prisma.SipParticipantGetPayload<object>>;

const LOCKED_SIP_INCLUDE = {
  participants: { orderBy: { addedAt: 'asc' } },
  child: { include: { guardians: true } },
  consentLinks: { include: { consent: { include: CONSENT_INCLUDE } } },
} as const satisfies Prisma.SipInclude;

export type LockedSip = Prisma.SipGetPayload<{ include: typeof LOCKED_SIP_INCLUDE }>;

export const FORBIDDEN_SIP =
  "only the SIP's participants, the child's guardians and the child from 15 may see or change it";

export const custodianIdsOf = (guardianships: ReadonlyArray<{ guardianId: string; hasCustody: boolean }>) =>
  guardianships.filter((g) => g.hasCustody).map((g) => g.guardianId);

/**
 * Runs `work` in one transaction on a SIP that is locked for the transaction, still open, and that
 * the requester takes part in. The row lock orders concurrent changes to one SIP, so a closure and
 * an edit, or two new plan versions, cannot interleave.
 */
export async function changeOpenSip<T>(
  context: AuthorityContext,
  sipId: string,
  field: string,
  work: (tx: Tx, sip: LockedSip, role: SipRole, now: Date) => Promise<T>,
): Promise<T> {
  const now = context.clock();
  return context.prisma.$transaction(async (tx) => {
    if (!isUuid(sipId)) throw new BadUserInputError(field, 'no SIP with this id');
    const locked = await tx.$queryRaw<unknown[]>`SELECT id FROM "Sip" WHERE id = ${sipId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new BadUserInputError(field, 'no SIP with this id');
    const sip = await tx.sip.findUniqueOrThrow({ where: { id: sipId }, include: LOCKED_SIP_INCLUDE });
    const role = sipRoleOf(
      context.requester,
      {
        childId: sip.childId,
        childDateOfBirth: sip.child.dateOfBirth,
        custodianIds: custodianIdsOf(sip.child.guardians),
        participants: sip.participants,
      },
      now,
    );
    if (!role) throw new ForbiddenError(FORBIDDEN_SIP);
    if (sip.closedAt)
      throw new BadUserInputError(field, `the SIP is closed (${sip.closureReason}); it can no longer change`);
    return work(tx, sip, role, now);
  });
}

/** Narrows a role to a staff participant; the family may not take this action. */
export function assertStaffParticipant(
  role: SipRole,
  action: string,
): asserts role is Extract<SipRole, { kind: 'staff' }> {
  if (role.kind !== 'staff') throw new ForbiddenError(`only staff taking part in the SIP may ${action}`);
}

/**
 * Whether a consent linked to the SIP counts at `now`, as the rule sees it (consentsInEffect: given
 * by everyone it needs, not withdrawn, inside its window).
 */
export function linkedConsentInForce(
  facts: ChildConsentFacts | undefined,
  links: ReadonlyArray<{ consentId: string }>,
  now: Date,
): boolean {
  const linked = new Set(links.map((link) => link.consentId));
  return (facts ? consentsInEffect(facts.consents, facts.child, now) : []).some((consent) => linked.has(consent.id));
}

/**
 * Agencies exchange information only once the family agreed and a linked consent counts; the SIP
 * meeting, the agencies' pre-meeting and the plan all need it.
 */
export async function assertConsentInForce(tx: Tx, sip: LockedSip, now: Date, field: string): Promise<void> {
  if (sip.familyAnswer !== 'AGREED')
    throw new BadUserInputError(field, 'the family has not agreed to the SIP yet; record their answer first');
  const facts = (await loadConsentFacts(tx, [sip.childId])).get(sip.childId);
  if (!linkedConsentInForce(facts, sip.consentLinks, now)) {
    throw new BadUserInputError(
      field,
      'no consent linked to the SIP is in force; record the consent and link it first',
    );
  }
}
