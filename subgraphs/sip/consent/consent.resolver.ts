import { DateTime } from '../../../lib/scalars.ts';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Agency, ConsentScope } from '../../../lib/federation/policy-enums.ts';
import { BadUserInputError } from '../../../lib/errors.ts';
import { CONSENT_SCOPES } from '../../../policy/scopes.ts';
import { assertMaySeeChild, assertStaff } from '../access.ts';
import type { SipContext } from '../context.ts';
import { loadConsentFacts } from './consent-facts.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import { presentConsents } from './present-consents.ts';
import { Consent, ConsentDecisionResult, ConsentScopeInfo } from './consent.type.ts';
import { decideConsent } from '../../../policy/consent-rule.ts';
import { RecordConsentInput } from './record-consent.input.ts';
import { recordConsent } from './record-consent.ts';
import { withdrawConsent } from './withdraw-consent.ts';

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => [ConsentScopeInfo], { description: 'The catalogue of information categories a consent can cover.' })
  consentScopes(): ConsentScopeInfo[] {
    return Object.entries(CONSENT_SCOPES).map(([scope, info]) =>
      Object.assign(new ConsentScopeInfo(), { scope, ...info }),
    );
  }

  @Query(() => [Consent], {
    description:
      "Every consent recorded for a child, every version, newest first. For staff, and for the child's own family.",
  })
  async consents(@Arg('childId', () => ID) childId: string, @Ctx() context: SipContext): Promise<Consent[]> {
    await assertMaySeeChild(context, childId);
    const rows = await context.prisma.consent.findMany({
      where: { childId },
      include: CONSENT_INCLUDE,
      orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }],
    });
    return presentConsents(context, rows);
  }

  @Query(() => ConsentDecisionResult, {
    description:
      'What the consent rule decides for a child, scope and agency at an instant (default: now), from what was ' +
      'recorded by then.',
  })
  async consentDecision(
    @Arg('childId', () => ID) childId: string,
    @Arg('scope', () => ConsentScope) scope: ConsentScope,
    @Arg('agency', () => Agency) agency: Agency,
    @Arg('at', () => DateTime, { nullable: true }) at: Date | undefined,
    @Ctx() context: SipContext,
  ): Promise<ConsentDecisionResult> {
    await assertMaySeeChild(context, childId);
    const facts = (await loadConsentFacts(context.prisma, [childId])).get(childId);
    if (!facts) throw new BadUserInputError('childId', 'no child with this id');
    const decision = decideConsent(facts.consents, facts.child, { scope, agency, at: at ?? context.clock() });
    return Object.assign(new ConsentDecisionResult(), {
      granted: decision.granted,
      reason: decision.granted ? null : decision.reason,
      consentId: decision.consentId,
    });
  }

  @Mutation(() => Consent, { description: 'Records a consent given in writing or orally. Agency staff only.' })
  async recordConsent(
    @Arg('input', () => RecordConsentInput) input: RecordConsentInput,
    @Ctx() context: SipContext,
  ): Promise<Consent> {
    assertStaff(context.requester, 'record a consent');
    const [consent] = await presentConsents(context, [await recordConsent(context, input)]);
    return consent;
  }

  @Mutation(() => Consent, {
    description: 'Withdraws a consent from now on. Staff, a guardian with custody, or the child from 15.',
  })
  async withdrawConsent(
    @Arg('consentId', () => ID) consentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SipContext,
  ): Promise<Consent> {
    const [consent] = await presentConsents(context, [await withdrawConsent(context, consentId, reason)]);
    return consent;
  }
}
