import type { Prisma } from '../../../../prisma/sip/client/client.ts';
import type { SipContext } from '../context.ts';
import { toFollowUp } from '../meetings/follow-up.mapper.ts';
import type { InterventionFollowUp } from '../meetings/follow-up.type.ts';
import { PlanSection, type PlanContentLeftOut, type PlanText } from './plan-entry.type.ts';
import { seenEntries } from './plan-sight.ts';
import { storedCategory, toPlanText, toPlanVersion, type VersionRowWithContent } from './plan-version.mapper.ts';
import type { PlanVersion } from './plan-version.type.ts';

/**
 * The requester's copy of a version: the entries they may see, and what was left out and why. Every
 * path to a plan's content (a SIP's versions, the mutations' answers, an intervention referred to by
 * id, the child's summary, the printable page and the PDF) starts from this.
 */
export async function planVersionAsSeen(
  context: SipContext,
  row: VersionRowWithContent,
  childId: string,
): Promise<PlanVersion> {
  const version = toPlanVersion(row, childId);
  const [needs, goals, interventions] = await Promise.all([
    seenEntries(context, childId, PlanSection.NEEDS, 'PlanVersion.needs', version.needs),
    seenEntries(context, childId, PlanSection.GOALS, 'PlanVersion.goals', version.goals),
    seenEntries(context, childId, PlanSection.INTERVENTIONS, 'PlanVersion.interventions', version.interventions),
  ]);
  return Object.assign(version, {
    needs: needs.shown,
    goals: goals.shown,
    interventions: interventions.shown,
    leftOut: [...needs.leftOut, ...goals.leftOut, ...interventions.leftOut],
  });
}

type FollowUpRow = Prisma.InterventionFollowUpGetPayload<{ include: { intervention: true } }>;

/** What a follow-up found, for the interventions the requester sees. */
export async function followUpsAsSeen(
  context: SipContext,
  childId: string,
  rows: readonly FollowUpRow[],
): Promise<InterventionFollowUp[]> {
  const entries = rows.map((row) => ({
    row,
    category: storedCategory(row.intervention.category),
    keptFromGuardians: row.intervention.keptFromGuardians,
    agencyRecordId: row.intervention.agencyRecordId,
  }));
  const { shown } = await seenEntries(
    context,
    childId,
    PlanSection.INTERVENTIONS,
    'InterventionFollowUp.what',
    entries,
  );
  return shown.map(({ row }) => toFollowUp(row));
}

/** A held meeting's notes: the sections the requester sees, and what was left out. */
export async function meetingNotesAsSeen(
  context: SipContext,
  childId: string,
  rows: ReadonlyArray<{ text: string; category: string; keptFromGuardians: boolean }>,
): Promise<{ shown: PlanText[]; leftOut: PlanContentLeftOut[] }> {
  return seenEntries(context, childId, PlanSection.MEETING_NOTES, 'Meeting.notes', rows.map(toPlanText));
}
