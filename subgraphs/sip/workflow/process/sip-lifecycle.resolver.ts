import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ClosureReason, FamilyAnswer } from '../../../../prisma/sip/client/enums.ts';
import type { SipContext } from '../context.ts';
import { addParticipant, removeParticipant } from './add-participant.ts';
import { closeSip } from './close-sip.ts';
import { recordFamilyAnswer, setFamilyWishes } from './family-answer.ts';
import { initiateSip } from './initiate-sip.ts';
import { linkConsent } from './link-consent.ts';
import { toParticipant, toSip } from './sip.mapper.ts';
import { AddParticipantInput, FamilyWishesInput, InitiateSipInput } from './sip.inputs.ts';
import { Sip, SipParticipant } from './sip.type.ts';

/** The SIP's life from initiative to closure. Every mutation is one transaction on a locked, open SIP. */
@Resolver(() => Sip)
export class SipLifecycleResolver {
  @Mutation(() => Sip, {
    description:
      'Starts a SIP for a child (agency staff). The initiator and the guardians with custody become participants.',
  })
  async initiateSip(
    @Arg('input', () => InitiateSipInput) input: InitiateSipInput,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await initiateSip(context, input));
  }

  @Mutation(() => Sip, {
    description: "Records the family's answer to the proposal. DECLINED needs a note and closes the SIP.",
  })
  async recordFamilyAnswer(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('answer', () => FamilyAnswer) answer: FamilyAnswer,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await recordFamilyAnswer(context, sipId, answer, note));
  }

  @Mutation(() => Sip, { description: "Sets the family's practical wishes for meetings." })
  async setFamilyWishes(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('wishes', () => FamilyWishesInput) wishes: FamilyWishesInput,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await setFamilyWishes(context, sipId, wishes));
  }

  @Mutation(() => SipParticipant, {
    description:
      'Adds a participant to an open SIP: staff (subject, agency, unit, title), a guardian of the child, the child, ' +
      'or a relative (name, relation). Staff taking part may. Added staff see the SIP and receive under its ' +
      'consents from now on.',
  })
  async addParticipant(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('input', () => AddParticipantInput) input: AddParticipantInput,
    @Ctx() context: SipContext,
  ): Promise<SipParticipant> {
    return toParticipant(await addParticipant(context, sipId, input));
  }

  @Mutation(() => SipParticipant, {
    description:
      'Removes a participant from now on: they no longer see the SIP, sign its plan or receive under its consents. ' +
      'Staff taking part and the family may; the last staff member stays.',
  })
  async removeParticipant(
    @Arg('participantId', () => ID) participantId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SipContext,
  ): Promise<SipParticipant> {
    return toParticipant(await removeParticipant(context, participantId, reason));
  }

  @Mutation(() => Sip, {
    description: 'Links a recorded consent that covers the SIP. Agencies exchange nothing before one is in force.',
  })
  async linkConsent(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('consentId', () => ID) consentId: string,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await linkConsent(context, sipId, consentId));
  }

  @Mutation(() => Sip, { description: 'Closes the SIP: GOALS_MET or NO_LONGER_NEEDED, with a note.' })
  async closeSip(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('reason', () => ClosureReason) reason: ClosureReason,
    @Arg('note', () => String) note: string,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await closeSip(context, sipId, reason, note));
  }
}
