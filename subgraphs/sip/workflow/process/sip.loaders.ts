import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { manyByKey, oneByKey } from '../../../../lib/loaders.ts';
import { CONSENT_INCLUDE } from '../../consent-authority/consent/consent.mapper.ts';
import { VERSION_CONTENT } from '../plan/plan-version.mapper.ts';
import { INVITATION_INCLUDE } from '../invitations/invitations.ts';

/** Everything hanging off a SIP, one query per kind per batch of SIPs. */
export function createSipLoaders(prisma: PrismaClient) {
  return {
    sipById: oneByKey(
      (ids: readonly string[]) => prisma.sip.findMany({ where: { id: { in: [...ids] } } }),
      (sip) => sip.id,
    ),
    sipsByChildId: manyByKey(
      (childIds: readonly string[]) =>
        prisma.sip.findMany({
          where: { childId: { in: [...childIds] } },
          orderBy: [{ initiatedAt: 'desc' }, { id: 'asc' }],
        }),
      (sip) => sip.childId,
    ),
    summonsesByMeetingId: manyByKey(
      (meetingIds: readonly string[]) =>
        prisma.summons.findMany({
          where: { meetingId: { in: [...meetingIds] } },
          include: { delivery: true },
          orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
        }),
      (summons) => summons.meetingId,
    ),
    followUpsByMeetingId: manyByKey(
      (meetingIds: readonly string[]) =>
        prisma.interventionFollowUp.findMany({
          where: { meetingId: { in: [...meetingIds] } },
          include: { intervention: true },
          orderBy: { intervention: { position: 'asc' } },
        }),
      (followUp) => followUp.meetingId,
    ),
    participantsBySipId: manyByKey(
      (sipIds: readonly string[]) =>
        prisma.sipParticipant.findMany({
          where: { sipId: { in: [...sipIds] } },
          orderBy: [{ addedAt: 'asc' }, { id: 'asc' }],
        }),
      (participant) => participant.sipId,
    ),
    invitationsBySipId: manyByKey(
      (sipIds: readonly string[]) =>
        prisma.sipInvitation.findMany({
          where: { sipId: { in: [...sipIds] } },
          include: INVITATION_INCLUDE,
          orderBy: [{ invitedAt: 'asc' }, { agency: 'asc' }, { unit: 'asc' }],
        }),
      (invitation) => invitation.sipId,
    ),
    consentLinksBySipId: manyByKey(
      (sipIds: readonly string[]) =>
        prisma.sipConsent.findMany({
          where: { sipId: { in: [...sipIds] } },
          include: { consent: { include: CONSENT_INCLUDE } },
          orderBy: { linkedAt: 'asc' },
        }),
      (link) => link.sipId,
    ),
    meetingsBySipId: manyByKey(
      (sipIds: readonly string[]) =>
        prisma.meeting.findMany({
          where: { sipId: { in: [...sipIds] } },
          include: { participants: true },
          orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        }),
      (meeting) => meeting.sipId,
    ),
    versionsBySipId: manyByKey(
      (sipIds: readonly string[]) =>
        prisma.planVersion.findMany({
          where: { sipId: { in: [...sipIds] } },
          include: { ...VERSION_CONTENT, signatures: { orderBy: { signedAt: 'asc' } } },
          orderBy: { number: 'asc' },
        }),
      (version) => version.sipId,
    ),
    notesByMeetingId: manyByKey(
      (meetingIds: readonly string[]) =>
        prisma.meetingNote.findMany({ where: { meetingId: { in: [...meetingIds] } }, orderBy: { position: 'asc' } }),
      (note) => note.meetingId,
    ),
    feedbackByMeetingId: manyByKey(
      (meetingIds: readonly string[]) =>
        prisma.sipFeedback.findMany({ where: { meetingId: { in: [...meetingIds] } }, orderBy: { givenAt: 'asc' } }),
      (feedback) => feedback.meetingId,
    ),
  };
}
