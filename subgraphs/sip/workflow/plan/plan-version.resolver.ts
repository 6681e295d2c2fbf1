import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { Meeting } from '../meetings/meeting.type.ts';
import { toMeeting } from '../meetings/meeting.mapper.ts';
import { isSigner } from '../../../../policy/sip-access.ts';
import { toParticipant, toSip } from '../process/sip.mapper.ts';
import { SipParticipant } from '../process/sip.type.ts';
import { toChild } from '../../consent-authority/children/child.mapper.ts';
import { PlanSignature, PlanVersion } from './plan-version.type.ts';
import { followUpsAsSeen, planVersionAsSeen } from './plan-as-seen.ts';
import { PlanEntryWithheld, PlanSection } from './plan-entry.type.ts';
import { withheldFrom } from './plan-sight.ts';
import { PlanInput } from './plan.inputs.ts';
import { savePlanVersion } from './save-plan-version.ts';
import { recordPaperSignature, signPlanVersion } from './sign-plan-version.ts';
import { renderPrintablePlan, type PrintablePlan } from './printable-plan.ts';
import { renderPlanPdf } from './plan-pdf.ts';
import { InterventionFollowUp } from '../meetings/follow-up.type.ts';
import { GraphQLLocalDate } from 'graphql-scalars';

/** What the follow-up this version was decided at found; none for a version decided elsewhere. */
async function followUpsBefore(context: SipContext, version: PlanVersion): Promise<InterventionFollowUp[]> {
  if (!version.meetingId) return [];
  return followUpsAsSeen(context, version.childId, await context.loaders.followUpsByMeetingId.load(version.meetingId));
}

/** The requester's copy of a version: what the printable page and the PDF show. */
async function printable(context: SipContext, version: PlanVersion): Promise<PrintablePlan> {
  const { sip, child, participants, row, awaiting } = await versionFacts(context, version);
  return {
    sip: toSip(sip),
    child: toChild(child),
    version,
    participants: participants.map(toParticipant),
    signatures: row.signatures,
    awaiting: awaiting.map(toParticipant),
    copyFor: context.requester.name ?? context.requester.subject,
    printedAt: context.clock(),
    startsFrom: await followUpsBefore(context, version),
  };
}

/** A version's row, its SIP's participants and the child, through the request's loaders. */
async function versionFacts(context: SipContext, version: PlanVersion) {
  const [versions, participants, sip] = await Promise.all([
    context.loaders.versionsBySipId.load(version.sipId),
    context.loaders.participantsBySipId.load(version.sipId),
    context.loaders.sipById.load(version.sipId),
  ]);
  const child = sip && (await context.loaders.childById.load(sip.childId));
  const row = versions.find((v) => v.id === version.id);
  if (!sip || !row || !child) throw new Error(`plan version ${version.id} is incomplete`);
  const now = context.clock();
  const signedBy = new Set(row.signatures.map((s) => s.participantId));
  const signers = participants.filter((p) => isSigner(p, child.dateOfBirth, now));
  return {
    sip,
    child,
    row,
    participants,
    isCurrent: versions.at(-1)?.id === row.id,
    awaiting: signers.filter((p) => !signedBy.has(p.id)),
  };
}

@Resolver(() => PlanVersion)
export class PlanVersionResolver {
  @Mutation(() => PlanVersion, {
    description:
      'Writes the next version of the plan (staff taking part; the family agreed; a linked consent in force). It ' +
      'needs new signatures. Entries of the version before that the writer may not see are kept as they were; ' +
      '`withheldFrom` tells who will not see what was written.',
  })
  async savePlanVersion(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('input', () => PlanInput) input: PlanInput,
    @Ctx() context: SipContext,
  ): Promise<PlanVersion> {
    const { version, childId } = await savePlanVersion(context, sipId, input);
    return planVersionAsSeen(context, version, childId);
  }

  @Mutation(() => PlanVersion, {
    description: 'The requester signs the current version of the plan, as a participant.',
  })
  async signPlanVersion(
    @Arg('versionId', () => ID) versionId: string,
    @Ctx() context: SipContext,
  ): Promise<PlanVersion> {
    const { version, childId } = await signPlanVersion(context, versionId);
    return planVersionAsSeen(context, version, childId);
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The SIP or follow-up meeting where this version was agreed.',
  })
  async decidedAt(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<Meeting | null> {
    if (!version.meetingId) return null;
    const meeting = (await context.loaders.meetingsBySipId.load(version.sipId)).find((m) => m.id === version.meetingId);
    return meeting ? toMeeting(meeting) : null;
  }

  @FieldResolver(() => SipParticipant, { description: 'The coordinator (huvudansvarig) this version names.' })
  async coordinator(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<SipParticipant> {
    const participant = (await context.loaders.participantsBySipId.load(version.sipId)).find(
      (p) => p.id === version.coordinatorId,
    );
    if (!participant) throw new Error(`plan version ${version.id} names a missing coordinator`);
    return toParticipant(participant);
  }

  @FieldResolver(() => [InterventionFollowUp], {
    description:
      'What the follow-up this version was decided at found about the previous version’s interventions: the ' +
      'version starts from it. Empty for a version not decided at a follow-up.',
  })
  async startsFrom(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<InterventionFollowUp[]> {
    return followUpsBefore(context, version);
  }

  @FieldResolver(() => [PlanEntryWithheld], {
    description:
      'For staff: who, taking part now, does not see an entry of this version that the requester sees, and why (a ' +
      'block, the consent, the young person’s wish). Read it after saving the plan. Empty for the family.',
  })
  async withheldFrom(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<PlanEntryWithheld[]> {
    return withheldFrom(context, { id: version.sipId, childId: version.childId }, [
      [PlanSection.NEEDS, version.needs],
      [PlanSection.GOALS, version.goals],
      [PlanSection.INTERVENTIONS, version.interventions],
    ]);
  }

  @FieldResolver(() => [PlanSignature])
  async signatures(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<PlanSignature[]> {
    const { row, participants } = await versionFacts(context, version);
    const byId = new Map(participants.map((p) => [p.id, p]));
    return row.signatures.map((s) =>
      Object.assign(new PlanSignature(), {
        participant: toParticipant(byId.get(s.participantId)!),
        signedAt: s.signedAt,
        form: s.form,
        recordedBy: s.recordedBy,
      }),
    );
  }

  @FieldResolver(() => [SipParticipant], {
    description:
      'Participants who sign (staff, guardians, relatives, the child from 15) and have not signed this version.',
  })
  async awaitingSignatureFrom(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<SipParticipant[]> {
    return (await versionFacts(context, version)).awaiting.map(toParticipant);
  }

  @FieldResolver(() => Boolean, { description: 'Every participant who signs has signed this version.' })
  async fullySigned(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<boolean> {
    return (await versionFacts(context, version)).awaiting.length === 0;
  }

  @FieldResolver(() => Boolean, { description: 'This is the newest version; older versions can no longer be signed.' })
  async isCurrent(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<boolean> {
    return (await versionFacts(context, version)).isCurrent;
  }

  @FieldResolver(() => String, { description: "The requester's copy of this version as a printable HTML document." })
  async printableHtml(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<string> {
    return renderPrintablePlan(await printable(context, version));
  }

  @FieldResolver(() => String, {
    description:
      'This version as a PDF (base64; application/pdf) with its number and every signature, how it was given and ' +
      'who recorded a paper one: for the coordinator’s organisation to file in the child’s record (journal).',
  })
  async pdf(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<string> {
    return Buffer.from(await renderPlanPdf(await printable(context, version))).toString('base64');
  }

  @Mutation(() => PlanVersion, {
    description:
      'Staff taking part record a signature given on paper: a relative’s (they have no login), or anyone’s who ' +
      'signed on paper at the meeting, on the day it was given. Only the current version.',
  })
  async recordPaperSignature(
    @Arg('versionId', () => ID) versionId: string,
    @Arg('participantId', () => ID, { description: 'Who signed.' }) participantId: string,
    @Arg('signedOn', () => GraphQLLocalDate, { description: 'The day on the paper; not in the future.' })
    signedOn: string,
    @Ctx() context: SipContext,
  ): Promise<PlanVersion> {
    const { version, childId } = await recordPaperSignature(context, versionId, participantId, signedOn);
    return planVersionAsSeen(context, version, childId);
  }
}
