import { DateTime } from '../../../../lib/scalars.ts';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { BadUserInputError } from '../../../../lib/errors.ts';
import { CONSENT_SCOPES } from '../../../../policy/scopes.ts';
import { assertMayRead } from '../children/child-records.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { ConsentReaderInput } from './reader.input.ts';
import { ForbiddenError } from '../../../../lib/errors.ts';
import { isStaff } from '../../../../policy/roles.ts';
import type { AuthorityContext } from '../context.ts';
import { cachedConsentFacts } from './consent-facts-cache.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import { presentConsents } from './present-consents.ts';
import { Consent, ConsentDecisionResult, ConsentScopeInfo } from './consent.type.ts';
import { decideConsent, mayAskRuleAbout } from '../../../../policy/consent-rule.ts';
import { GiveConsentInput, RecordConsentInput } from './record-consent.input.ts';
import { giveConsent, recordConsent } from './record-consent.ts';
import { withdrawConsent } from './withdraw-consent.ts';

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => [ConsentScopeInfo], { description: 'The catalogue of information categories a consent can cover.' })
  consentScopes(): ConsentScopeInfo[] {
    return Object.entries(CONSENT_SCOPES).map(([scope, { agency, descriptions }]) =>
      Object.assign(new ConsentScopeInfo(), { scope, agency, description: descriptions.en }),
    );
  }

  @Query(() => [Consent], {
    description:
      'Every consent recorded for a child, every version, newest first: for the child’s family, for staff who take ' +
      'part in one of the child’s SIPs or are named by a consent (logged), and for privacy officers (logged).',
  })
  async consents(@Arg('childId', () => ID) childId: string, @Ctx() context: AuthorityContext): Promise<Consent[]> {
    if (!isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    await assertMayRead(context, { childId, record: 'CHILD_CONSENTS', field: 'Query.consents' });
    const rows = await context.prisma.consent.findMany({
      where: { childId },
      include: CONSENT_INCLUDE,
      orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }],
    });
    return presentConsents(context, rows);
  }

  @Query(() => [Consent], {
    description:
      'The consents that stopped counting on the young person’s 18th birthday (status CAME_OF_AGE: only their ' +
      'guardians gave them) and are still inside their window: what the young person is asked to give anew in ' +
      'their own name (giveConsent, replacesConsentId). For the young person, and for whoever may read the ' +
      'child’s consents (logged).',
  })
  async consentsToRenew(
    @Arg('childId', () => ID) childId: string,
    @Ctx() context: AuthorityContext,
  ): Promise<Consent[]> {
    if (!isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    await assertMayRead(context, { childId, record: 'CHILD_CONSENTS', field: 'Query.consentsToRenew' });
    const rows = await context.prisma.consent.findMany({
      where: { childId, givenByChild: false, withdrawal: null, replacedBy: null, validUntil: { gt: context.clock() } },
      include: CONSENT_INCLUDE,
      orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }],
    });
    return (await presentConsents(context, rows)).filter((consent) => consent.status === 'CAME_OF_AGE');
  }

  @Query(() => ConsentDecisionResult, {
    description:
      'What the consent rule decides for a child, a scope and a staff member at an instant (default: now), from ' +
      'what was recorded by then. Staff ask about themselves; the family and a privacy officer name the reader.',
  })
  async consentDecision(
    @Arg('childId', () => ID) childId: string,
    @Arg('scope', () => ConsentScope) scope: ConsentScope,
    @Arg('reader', () => ConsentReaderInput, { nullable: true, description: 'Default: the requester.' })
    reader: ConsentReaderInput | undefined,
    @Arg('at', () => DateTime, { nullable: true, description: 'Any past or future instant; default: now.' })
    at: Date | undefined,
    @Ctx() context: AuthorityContext,
  ): Promise<ConsentDecisionResult> {
    const { requester } = context;
    const staff = isStaff(requester);
    if (reader && !mayAskRuleAbout(requester, reader.subject))
      throw new ForbiddenError('staff ask what the rule decides for themselves only', 'reader');
    if (!staff && !reader) throw new BadUserInputError('reader', 'name the staff member to decide for');
    if (!isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    await assertMayRead(context, { childId, record: 'CHILD_CONSENTS', field: 'Query.consentDecision' });
    const facts = (await cachedConsentFacts(context.prisma, [childId])).get(childId);
    if (!facts) throw new BadUserInputError('childId', 'no child with this id');
    const decision = decideConsent(facts.consents, facts.child, {
      scope,
      reader: staff ? requester : reader!,
      at: at ?? context.clock(),
    });
    return Object.assign(new ConsentDecisionResult(), {
      granted: decision.granted,
      reason: decision.granted ? null : decision.reason,
      consentId: decision.consentId,
      emergencyAccessId: decision.granted ? (decision.emergencyAccessId ?? null) : null,
    });
  }

  @Mutation(() => Consent, {
    description:
      'A guardian with custody, or the child from 15, gives (or, with replacesConsentId, limits) consent in their ' +
      'own name. Where both guardians have custody, each gives their own word; the consent counts once both have.',
  })
  async giveConsent(
    @Arg('input', () => GiveConsentInput) input: GiveConsentInput,
    @Ctx() context: AuthorityContext,
  ): Promise<Consent> {
    const [consent] = await presentConsents(context, [await giveConsent(context, input)]);
    return consent;
  }

  @Mutation(() => Consent, {
    description:
      'Records the family’s written or oral word. Only staff taking part in the child’s open SIP; the consent is ' +
      'linked to that SIP, shown to the family and marked for a privacy officer’s review.',
  })
  async recordConsent(
    @Arg('input', () => RecordConsentInput) input: RecordConsentInput,
    @Ctx() context: AuthorityContext,
  ): Promise<Consent> {
    const [consent] = await presentConsents(context, [await recordConsent(context, input)]);
    return consent;
  }

  @Mutation(() => Consent, {
    description:
      'Withdraws a consent from now on: a guardian with custody, the child from 15, or staff taking part in an open ' +
      'SIP it is linked to, on the family’s word.',
  })
  async withdrawConsent(
    @Arg('consentId', () => ID) consentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: AuthorityContext,
  ): Promise<Consent> {
    const [consent] = await presentConsents(context, [await withdrawConsent(context, consentId, reason)]);
    return consent;
  }
}
