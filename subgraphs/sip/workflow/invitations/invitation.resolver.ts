import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SipContext } from '../context.ts';
import {
  acceptInvitation,
  declineInvitation,
  forwardInvitation,
  inviteUnit,
  unitInvitationCounts,
  unitInvitations,
} from './invitations.ts';
import { InvitationInput } from '../process/sip.inputs.ts';
import { AcceptInvitationInput, InvitationCounts, SipInvitation, UnitInvitation } from './invitation.type.ts';

/** An invited unit reads its invitations and answers them: takes part, forwards, or declines. */
@Resolver(() => SipInvitation)
export class InvitationResolver {
  @Query(() => [UnitInvitation], {
    description:
      "For staff: their unit's invitations to SIPs the family agreed to, waiting ones oldest first (or, with " +
      '`answered`, the answered ones newest first), with the time to answer. Each one shown is logged.',
  })
  unitInvitations(
    @Arg('answered', () => Boolean, { defaultValue: false }) answered: boolean,
    @Ctx() context: SipContext,
  ): Promise<UnitInvitation[]> {
    return unitInvitations(context, answered);
  }

  @Query(() => InvitationCounts, {
    description:
      'For staff: how many invitations wait at their unit and how many are late, naming no child (so not logged).',
  })
  unitInvitationCounts(@Ctx() context: SipContext): Promise<InvitationCounts> {
    return unitInvitationCounts(context);
  }

  @Mutation(() => SipInvitation, {
    description:
      'Staff taking part invite one more unit to the open SIP, e.g. after a unit declined; it answers as at the start.',
  })
  inviteUnit(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('input', () => InvitationInput) input: InvitationInput,
    @Ctx() context: SipContext,
  ): Promise<SipInvitation> {
    return inviteUnit(context, sipId, input);
  }

  @Mutation(() => SipInvitation, {
    description:
      'Staff of the invited unit take part: the one answering attends for the unit and becomes a participant.',
  })
  acceptInvitation(
    @Arg('invitationId', () => ID) invitationId: string,
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() context: SipContext,
  ): Promise<SipInvitation> {
    return acceptInvitation(context, invitationId, input);
  }

  @Mutation(() => SipInvitation, {
    description:
      'Staff of the invited unit send it on to the right unit of the same agency, with a note; that unit has as ' +
      'long to answer as this one had.',
  })
  forwardInvitation(
    @Arg('invitationId', () => ID) invitationId: string,
    @Arg('unit', () => String) unit: string,
    @Arg('note', () => String) note: string,
    @Ctx() context: SipContext,
  ): Promise<SipInvitation> {
    return forwardInvitation(context, invitationId, unit, note);
  }

  @Mutation(() => SipInvitation, {
    description:
      'Staff of the invited unit decline, with a reason of at least 20 characters that the coordinator and the ' +
      'family read.',
  })
  declineInvitation(
    @Arg('invitationId', () => ID) invitationId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SipContext,
  ): Promise<SipInvitation> {
    return declineInvitation(context, invitationId, reason);
  }
}
