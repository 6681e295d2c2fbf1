import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { assertPageSize } from '../../../../lib/pagination/page-size.ts';
import { swedishDate } from '../../../../lib/periods.ts';
import { isUuid, NOT_AN_ID } from '../../../../lib/uuid.ts';
import { Child } from '../../consent-authority/children/child.type.ts';
import { toChild } from '../../consent-authority/children/child.mapper.ts';
import { presentConsents } from '../../consent-authority/consent/present-consents.ts';
import { assertMayRead } from '../../consent-authority/children/child-records.ts';
import { Consent } from '../../consent-authority/consent/consent.type.ts';
import type { SipContext } from '../context.ts';
import { coordinatedSipIds } from './coordinated-sips.ts';
import { followUpOf } from './follow-up.ts';
import { NextStep, nextStepsOf } from './next-steps.ts';
import { FORBIDDEN_SIP } from '../../consent-authority/open-sip.ts';
import { roleInSip, visibleSips } from './sip-access.ts';
import { familyChildIds } from '../../consent-authority/access.ts';
import { toParticipant, toSip } from './sip.mapper.ts';
import { FollowUp, FollowUpState, Sip, SipParticipant } from './sip.type.ts';
import { SipInvitation } from '../invitations/invitation.type.ts';
import { toInvitation } from '../invitations/invitations.ts';

@Resolver(() => Sip)
export class SipResolver {
  @Query(() => Sip, {
    nullable: true,
    description:
      "A SIP by id, for its participants, the child's guardians and the child from 15; null when there is none. " +
      'An id that is not a UUID is refused.',
  })
  async sip(@Arg('id', () => ID) id: string, @Ctx() context: SipContext): Promise<Sip | null> {
    if (!isUuid(id)) throw new BadUserInputError('id', NOT_AN_ID);
    const row = await context.prisma.sip.findUnique({ where: { id } });
    if (!row) return null;
    if (!(await roleInSip(context, row))) throw new ForbiddenError(FORBIDDEN_SIP);
    return toSip(row);
  }

  @Query(() => [Sip], {
    description:
      'The SIPs the requester takes part in (staff), or that are about their children (family), oldest first; ' +
      'open ones unless `closed` is true. How staff reach the children they work with: there is no listing of ' +
      'children.',
  })
  async mySips(
    @Arg('closed', () => Boolean, { defaultValue: false, description: 'Closed SIPs instead of open ones.' })
    closed: boolean,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() context: SipContext,
  ): Promise<Sip[]> {
    assertPageSize(first);
    const own = await familyChildIds(context);
    const rows = await context.prisma.sip.findMany({
      where: {
        closedAt: closed ? { not: null } : null,
        ...(own !== null
          ? { childId: { in: own } }
          : { participants: { some: { subject: context.requester.subject, kind: 'STAFF', removedAt: null } } }),
      },
      orderBy: [{ initiatedAt: 'asc' }, { id: 'asc' }],
      take: first,
    });
    return (await visibleSips(context, rows)).map(toSip);
  }

  @Query(() => [Sip], {
    description:
      'The open SIPs the requester coordinates (huvudansvarig in the current plan, or initiator before there is a ' +
      'plan), earliest follow-up first.',
  })
  async coordinatedSips(
    @Arg('followUp', () => FollowUpState, {
      nullable: true,
      description: 'Only SIPs whose follow-up is in this state.',
    })
    state: FollowUpState | undefined,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() context: SipContext,
  ): Promise<Sip[]> {
    assertPageSize(first);
    const ids = await coordinatedSipIds(context.prisma, context.requester.subject);
    const sips = await context.prisma.sip.findMany({
      where: { id: { in: ids } },
      include: { versions: { orderBy: { number: 'desc' }, take: 1 }, meetings: true },
    });
    const today = swedishDate(context.clock());
    return sips
      .map((sip) => ({ sip, followUp: followUpOf(sip.versions, sip.meetings, today) }))
      .filter(({ followUp }) => state === undefined || followUp.state === state)
      .sort(
        (a, b) =>
          (a.followUp.dueOn ?? '9999').localeCompare(b.followUp.dueOn ?? '9999') || a.sip.id.localeCompare(b.sip.id),
      )
      .slice(0, first)
      .map(({ sip }) => toSip(sip));
  }

  @FieldResolver(() => Child)
  async child(@Root() sip: Sip, @Ctx() context: SipContext): Promise<Child> {
    const row = await context.loaders.childById.load(sip.childId);
    if (!row) throw new Error(`SIP ${sip.id} refers to a missing child`);
    return toChild(row);
  }

  @FieldResolver(() => [SipParticipant])
  async participants(@Root() sip: Sip, @Ctx() context: SipContext): Promise<SipParticipant[]> {
    return (await context.loaders.participantsBySipId.load(sip.id)).map(toParticipant);
  }

  @FieldResolver(() => [SipInvitation], {
    description: 'The agency units invited to take part, in the order they were invited, with their answers.',
  })
  async invitations(@Root() sip: Sip, @Ctx() context: SipContext): Promise<SipInvitation[]> {
    const now = context.clock();
    return (await context.loaders.invitationsBySipId.load(sip.id)).map((row) =>
      toInvitation(row, now, new SipInvitation()),
    );
  }

  @FieldResolver(() => [Consent], { description: 'The consents that cover the exchange of information in this SIP.' })
  async consents(@Root() sip: Sip, @Ctx() context: SipContext): Promise<Consent[]> {
    await assertMayRead(context, { childId: sip.childId, record: 'CHILD_CONSENTS', field: 'Sip.consents' });
    return presentConsents(
      context,
      (await context.loaders.consentLinksBySipId.load(sip.id)).map((link) => link.consent),
    );
  }

  @FieldResolver(() => SipParticipant, {
    description: 'The coordinator (huvudansvarig) named in the current plan; before there is a plan, the initiator.',
  })
  async coordinator(@Root() sip: Sip, @Ctx() context: SipContext): Promise<SipParticipant> {
    const [versions, participants] = await Promise.all([
      context.loaders.versionsBySipId.load(sip.id),
      context.loaders.participantsBySipId.load(sip.id),
    ]);
    const coordinatorId = versions.at(-1)?.coordinatorId;
    const coordinator = participants.find((p) => (coordinatorId ? p.id === coordinatorId : p.isInitiator));
    if (!coordinator) throw new Error(`SIP ${sip.id} has no coordinator`);
    return toParticipant(coordinator);
  }

  @FieldResolver(() => [NextStep], {
    description:
      'What the SIP waits for now, in the order of the process, each with how long it has waited: for the ' +
      'coordinator’s worklist, and for the family to see where things stand.',
  })
  nextSteps(@Root() sip: Sip, @Ctx() context: SipContext): Promise<NextStep[]> {
    return nextStepsOf(context, sip);
  }

  @FieldResolver(() => FollowUp)
  async followUp(@Root() sip: Sip, @Ctx() context: SipContext): Promise<FollowUp> {
    const [versions, meetings] = await Promise.all([
      context.loaders.versionsBySipId.load(sip.id),
      context.loaders.meetingsBySipId.load(sip.id),
    ]);
    return followUpOf(versions, meetings, swedishDate(context.clock()));
  }
}
