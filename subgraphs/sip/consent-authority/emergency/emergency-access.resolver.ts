import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { AGENCY_SUBGRAPH } from '../../../../policy/agencies.ts';
import {
  EMERGENCY_ACCESS_MAX_HOURS,
  EMERGENCY_ACCESS_RULES,
  emergencyGround,
  emergencyScopesRefusal,
} from '../../../../policy/emergency-access.ts';
import { UNIT_CONTACT_PATH, type UnitContactAnswer } from '../../../../lib/subgraph/unit-contact.ts';
import { cachedConsentFacts } from '../consent/consent-facts-cache.ts';
import type { AuthorityContext } from '../context.ts';
import { EmergencyAccess } from './emergency-access.type.ts';

const HOUR = 60 * 60 * 1000;

/**
 * Whether the requester's unit is in contact with the child, as their own agency's records say.
 * Nothing is opened on a ground that could not be confirmed.
 */
async function unitInContact(context: AuthorityContext, childId: string): Promise<boolean> {
  const subgraph = context.requester.agency && AGENCY_SUBGRAPH[context.requester.agency];
  if (!subgraph) return false;
  try {
    const answer = (await context.askSubgraph(subgraph, UNIT_CONTACT_PATH, { childId })) as UnitContactAnswer;
    return answer.inContact === true;
  } catch {
    throw new ForbiddenError(
      'your unit’s contact with the child could not be confirmed: your agency’s records did not answer; try again',
    );
  }
}

@Resolver(() => EmergencyAccess)
export class EmergencyAccessResolver {
  @Mutation(() => EmergencyAccess, {
    description:
      'Opens emergency access (nödåtkomst) to categories of a child’s data, only where a law gives a ground: ' +
      EMERGENCY_ACCESS_RULES.map(
        (rule) => `${rule.agency} staff to ${rule.scopes.join(', ')} when ${rule.situation} (${rule.law})`,
      ).join('; ') +
      '. The opener takes part in one of the child’s open SIPs or works at a unit in contact with the child ' +
      '(a care contact with their care unit), gives a reason, and it stays open at most ' +
      `${EMERGENCY_ACCESS_MAX_HOURS} hours. Anything else is refused, naming the rule. ` +
      'Reads under it are logged as emergency reads, shown to the family and reviewed.',
  })
  async openEmergencyAccess(
    @Arg('childId', () => ID) childId: string,
    @Arg('scopes', () => [ConsentScope]) scopes: string[],
    @Arg('reason', () => String, { description: 'Why the child’s life or health is at risk now.' }) reason: string,
    @Arg('hours', () => Int, {
      defaultValue: 1,
      description: `How long it stays open, 1 to ${EMERGENCY_ACCESS_MAX_HOURS} hours from now.`,
    })
    hours: number,
    @Ctx() context: AuthorityContext,
  ): Promise<EmergencyAccess> {
    const { requester } = context;
    const facts = isUuid(childId) ? (await cachedConsentFacts(context.prisma, [childId])).get(childId) : undefined;
    if (!facts) throw new BadUserInputError('childId', 'no child with this id');
    if (scopes.length === 0) throw new BadUserInputError('scopes', 'name at least one information category');
    const withoutGround = emergencyScopesRefusal(requester, scopes);
    if (withoutGround) throw new ForbiddenError(withoutGround, 'scopes');
    const now = context.clock();
    const ground =
      emergencyGround(requester, facts.child.sips, now, false) ??
      emergencyGround(requester, facts.child.sips, now, await unitInContact(context, childId));
    if (!ground)
      throw new ForbiddenError(
        'only staff taking part in one of the child’s open SIPs, or of a unit in contact with the child, ' +
          'open emergency access',
      );
    if (hours < 1 || hours > EMERGENCY_ACCESS_MAX_HOURS)
      throw new BadUserInputError('hours', `must be between 1 and ${EMERGENCY_ACCESS_MAX_HOURS}`);
    const row = await context.prisma.emergencyAccess.create({
      data: {
        childId,
        requesterSubject: requester.subject,
        requesterName: requester.name,
        agency: requester.agency!,
        unit: requester.unit!,
        scopes: [...new Set(scopes)],
        reason: requiredText(reason, 'reason', 1_000),
        openedAt: now,
        until: new Date(now.getTime() + hours * HOUR),
      },
    });
    return Object.assign(new EmergencyAccess(), row);
  }
}
