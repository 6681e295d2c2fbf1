import type { Sip as SipRow } from '../../../../prisma/sip/client/client.ts';
import { Closure, FamilyAnswerRecord, FamilyWishes, Sip, SipParticipant, type SipStatus } from './sip.type.ts';
import type { SipParticipant as ParticipantRow } from '../../../../prisma/sip/client/client.ts';

export function sipStatusOf(row: SipRow): SipStatus {
  if (row.closedAt) return 'CLOSED';
  return row.familyAnswer === 'AGREED' ? 'ACTIVE' : 'AWAITING_FAMILY';
}

export function toSip(row: SipRow): Sip {
  return Object.assign(new Sip(), {
    id: row.id,
    childId: row.childId,
    status: sipStatusOf(row),
    questions: row.questions,
    initiatedAt: row.initiatedAt,
    childMayReadSummary: row.childMayReadSummary,
    familyAnswer:
      row.familyAnswer && row.familyAnsweredAt
        ? Object.assign(new FamilyAnswerRecord(), {
            answer: row.familyAnswer,
            note: row.familyAnswerNote,
            answeredAt: row.familyAnsweredAt,
          })
        : null,
    familyWishes: Object.assign(new FamilyWishes(), {
      place: row.wishedPlace,
      time: row.wishedTime,
      breaks: row.wishedBreaks,
      interpreterLanguage: row.interpreterLanguage,
      notesDelivery: row.notesDelivery,
    }),
    closure:
      row.closedAt && row.closureReason
        ? Object.assign(new Closure(), {
            reason: row.closureReason,
            note: row.closureNote ?? '',
            closedAt: row.closedAt,
            closedBy: row.closedBy ?? '',
          })
        : null,
  });
}

export function toParticipant(row: ParticipantRow): SipParticipant {
  const { id, kind, name, agency, unit, title, phone, email, isInitiator, removedAt, removalReason } = row;
  return Object.assign(new SipParticipant(), {
    id,
    kind,
    name,
    agency,
    unit,
    title,
    phone,
    email,
    isInitiator,
    removedAt,
    removalReason,
  });
}
