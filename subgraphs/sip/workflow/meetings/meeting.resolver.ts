import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { toParticipant } from '../process/sip.mapper.ts';
import { SipParticipant } from '../process/sip.type.ts';
import { giveSipFeedback } from './give-feedback.ts';
import { cancelMeeting, rescheduleMeeting } from './change-meeting.ts';
import { MeetingTimeInput, ScheduleMeetingInput, SipFeedbackInput } from './meeting.inputs.ts';
import { toMeeting } from './meeting.mapper.ts';
import { Meeting, SipFeedback } from './meeting.type.ts';
import { recordMeetingHeld } from './record-meeting-held.ts';
import { Summons, SummonsDelivery } from './summons.type.ts';
import { InterventionFollowUp, InterventionFollowUpInput } from './follow-up.type.ts';
import { followUpsAsSeen, meetingNotesAsSeen } from '../plan/plan-as-seen.ts';
import { PlanContentLeftOut, PlanEntryWithheld, PlanSection, PlanText } from '../plan/plan-entry.type.ts';
import { withheldFrom } from '../plan/plan-sight.ts';
import { roleInSip } from '../process/sip-access.ts';
import { scheduleMeeting } from './schedule-meeting.ts';

const toFeedback = ({ listenedTo, understood, helpful, comment, givenAt }: SipFeedback) =>
  Object.assign(new SipFeedback(), { listenedTo, understood, helpful, comment, givenAt });

/** The meeting's notes as the requester may see them, with its SIP's child. */
async function notesOf(context: SipContext, meeting: Meeting) {
  const [sip, rows] = await Promise.all([
    context.loaders.sipById.load(meeting.sipId),
    context.loaders.notesByMeetingId.load(meeting.id),
  ]);
  if (!sip) throw new Error(`meeting ${meeting.id} is missing its SIP`);
  return { sip, ...(await meetingNotesAsSeen(context, sip.childId, rows)) };
}

async function meetingRow(context: SipContext, meeting: Meeting) {
  const [meetings, participants] = await Promise.all([
    context.loaders.meetingsBySipId.load(meeting.sipId),
    context.loaders.participantsBySipId.load(meeting.sipId),
  ]);
  const row = meetings.find((m) => m.id === meeting.id);
  if (!row) throw new Error(`meeting ${meeting.id} is missing from its SIP`);
  const participantById = new Map(participants.map((p) => [p.id, p]));
  const participant = (id: string) => {
    const found = participantById.get(id);
    if (!found) throw new Error(`meeting ${meeting.id} refers to a missing participant`);
    return toParticipant(found);
  };
  return { row, participant };
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Mutation(() => Meeting, { description: 'Books a meeting in the SIP (staff taking part).' })
  async scheduleMeeting(
    @Arg('input', () => ScheduleMeetingInput) input: ScheduleMeetingInput,
    @Ctx() context: SipContext,
  ): Promise<Meeting> {
    return toMeeting(await scheduleMeeting(context, input));
  }

  @Mutation(() => Meeting, { description: 'Moves a meeting that is still to come to another time, place or mode.' })
  async rescheduleMeeting(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => MeetingTimeInput) input: MeetingTimeInput,
    @Ctx() context: SipContext,
  ): Promise<Meeting> {
    return toMeeting(await rescheduleMeeting(context, meetingId, input));
  }

  @Mutation(() => Meeting, { description: 'Calls off a meeting that is still to come, saying why.' })
  async cancelMeeting(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SipContext,
  ): Promise<Meeting> {
    return toMeeting(await cancelMeeting(context, meetingId, reason));
  }

  @Mutation(() => Meeting, {
    description:
      'Records that a meeting was held: who attended, the notes, and at a follow-up what was done with each ' +
      'intervention of the plan, whether it worked and what changes.',
  })
  async recordMeetingHeld(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('attendedIds', () => [ID], { description: 'The participant ids of those who attended; the chair among them.' })
    attendedIds: string[],
    @Arg('notes', () => [PlanText], {
      defaultValue: [],
      description:
        'The notes, in sections, each with the category it comes from (SHARED: seen by everyone taking part).',
    })
    notes: PlanText[],
    @Arg('followUps', () => [InterventionFollowUpInput], {
      defaultValue: [],
      description: 'At a follow-up: one for every intervention of the current plan version. Otherwise none.',
    })
    followUps: InterventionFollowUpInput[],
    @Ctx() context: SipContext,
  ): Promise<Meeting> {
    return toMeeting(await recordMeetingHeld(context, meetingId, attendedIds, notes, followUps));
  }

  @Mutation(() => SipFeedback, {
    description: 'SIP-kollen: the child or a guardian gives short feedback after a held meeting.',
  })
  async giveSipFeedback(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => SipFeedbackInput) input: SipFeedbackInput,
    @Ctx() context: SipContext,
  ): Promise<SipFeedback> {
    return toFeedback(await giveSipFeedback(context, meetingId, input));
  }

  @FieldResolver(() => SipParticipant, { description: 'Leads the meeting (ordförande).' })
  async chair(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipParticipant> {
    return (await meetingRow(context, meeting)).participant(meeting.chairId);
  }

  @FieldResolver(() => SipParticipant, { nullable: true, description: 'Takes the notes (sekreterare).' })
  async secretary(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipParticipant | null> {
    return meeting.secretaryId ? (await meetingRow(context, meeting)).participant(meeting.secretaryId) : null;
  }

  @FieldResolver(() => [SipParticipant])
  async invited(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipParticipant[]> {
    const { row, participant } = await meetingRow(context, meeting);
    return row.participants.filter((p) => p.invited).map((p) => participant(p.participantId));
  }

  @FieldResolver(() => [SipParticipant], { description: 'Who attended; empty until the meeting is recorded as held.' })
  async attended(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipParticipant[]> {
    const { row, participant } = await meetingRow(context, meeting);
    return row.participants.filter((p) => p.attended).map((p) => participant(p.participantId));
  }

  @FieldResolver(() => [SipParticipant], {
    description:
      'Who was invited and did not come (a staff no-show among them); empty until the meeting is recorded as held.',
  })
  async absent(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipParticipant[]> {
    const { row, participant } = await meetingRow(context, meeting);
    return row.participants.filter((p) => p.invited && p.attended === false).map((p) => participant(p.participantId));
  }

  @FieldResolver(() => [SipFeedback], { description: 'SIP-kollen answers given after this meeting.' })
  async feedback(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<SipFeedback[]> {
    return (await context.loaders.feedbackByMeetingId.load(meeting.id)).map(toFeedback);
  }

  @FieldResolver(() => [Summons], {
    description:
      'The summonses (kallelser) written when the meeting was booked, moved or cancelled, oldest first: all of them ' +
      'for staff taking part, one’s own for the family.',
  })
  async summonses(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<Summons[]> {
    const [sip, summonses, { participant }] = await Promise.all([
      context.loaders.sipById.load(meeting.sipId),
      context.loaders.summonsesByMeetingId.load(meeting.id),
      meetingRow(context, meeting),
    ]);
    const role = sip && (await roleInSip(context, sip));
    if (!role) return [];
    return summonses
      .filter((summons) => role.kind === 'staff' || summons.participantId === role.participant?.id)
      .map(({ delivery, ...summons }) =>
        Object.assign(new Summons(), {
          ...summons,
          recipient: participant(summons.participantId),
          delivery: delivery && Object.assign(new SummonsDelivery(), delivery),
        }),
      );
  }

  @FieldResolver(() => [InterventionFollowUp], {
    description:
      'At a held follow-up: what was done with each intervention the requester may see, whether it worked, what ' +
      'changes.',
  })
  async followUps(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<InterventionFollowUp[]> {
    const [sip, rows] = await Promise.all([
      context.loaders.sipById.load(meeting.sipId),
      context.loaders.followUpsByMeetingId.load(meeting.id),
    ]);
    return sip ? followUpsAsSeen(context, sip.childId, rows) : [];
  }

  @FieldResolver(() => [PlanText], {
    description: 'The notes of a held meeting: the sections the requester may see, as the plan’s entries are.',
  })
  async notes(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<PlanText[]> {
    return (await notesOf(context, meeting)).shown;
  }

  @FieldResolver(() => [PlanContentLeftOut], {
    description: 'Sections of the notes left out of the requester’s copy, and why; empty when none were.',
  })
  async notesLeftOut(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<PlanContentLeftOut[]> {
    return (await notesOf(context, meeting)).leftOut;
  }

  @FieldResolver(() => [PlanEntryWithheld], {
    description:
      'For staff: who, taking part now, does not see a section of the notes that the requester sees, and why. ' +
      'Empty for the family.',
  })
  async withheldFrom(@Root() meeting: Meeting, @Ctx() context: SipContext): Promise<PlanEntryWithheld[]> {
    const { sip, shown } = await notesOf(context, meeting);
    return withheldFrom(context, sip, [[PlanSection.MEETING_NOTES, shown]]);
  }
}
