import { BadUserInputError } from '../../../../lib/errors.ts';
import { calendarDay, swedishDate } from '../../../../lib/periods.ts';
import { optionalText, requiredEmail, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { interventionCategoryRefusal, planReaderOf } from '../../../../policy/plan-content.ts';
import type { SipContext } from '../context.ts';
import {
  assertConsentInForce,
  assertStaffParticipant,
  changeOpenSip,
  type LockedSip,
  type Tx,
} from '../../consent-authority/open-sip.ts';
import { loadConsentFacts } from '../../consent-authority/consent/consent-facts.ts';
import type { PlanInput } from './plan.inputs.ts';
import { assertKeptOnlyAsTheYoungPersonMay, entryMarks, planTexts } from './plan-entries.input.ts';
import { sightFrom } from './plan-sight.ts';
import { storedCategory, VERSION_CONTENT } from './plan-version.mapper.ts';

function optionalRecordId(id: string | null | undefined, field: string): string | null {
  if (id == null) return null;
  if (!isUuid(id))
    throw new BadUserInputError(field, "must be the id of the intervention's record in the agency's own system");
  return id;
}

const texts = (values: readonly string[], field: string) =>
  values.map((value, i) => requiredText(value, `${field}.${i}`));

/** Checks and normalises a plan's content that needs nothing from the database. */
function planContent(input: PlanInput, today: string) {
  const needs = planTexts(input.needs, 'input.needs');
  const goals = input.goals.map((goal, i) => ({
    term: goal.term,
    description: requiredText(goal.description, `input.goals.${i}.description`),
    measure: requiredText(goal.measure, `input.goals.${i}.measure`),
    ...entryMarks(goal),
  }));
  const interventions = input.interventions.map((intervention, i) => {
    const field = `input.interventions.${i}`;
    if (intervention.endsOn != null && intervention.endsOn < intervention.startsOn)
      throw new BadUserInputError(`${field}.endsOn`, 'must not be before startsOn');
    const categoryRefusal = interventionCategoryRefusal(intervention.agency, intervention.category);
    if (categoryRefusal) throw new BadUserInputError(`${field}.category`, categoryRefusal);
    return {
      ...entryMarks(intervention),
      what: requiredText(intervention.what, `${field}.what`),
      agency: intervention.agency,
      unit: requiredText(intervention.unit, `${field}.unit`, 200),
      responsiblePerson: requiredText(intervention.responsiblePerson, `${field}.responsiblePerson`, 200),
      frequency: requiredText(intervention.frequency, `${field}.frequency`, 200),
      startsOn: calendarDay(intervention.startsOn),
      endsOn: intervention.endsOn == null ? null : calendarDay(intervention.endsOn),
      location: requiredText(intervention.location, `${field}.location`, 300),
      evaluationMethod: requiredText(intervention.evaluationMethod, `${field}.evaluationMethod`),
      evaluatedBy: requiredText(intervention.evaluatedBy, `${field}.evaluatedBy`, 200),
      agencyRecordId: optionalRecordId(intervention.agencyRecordId, `${field}.agencyRecordId`),
    };
  });
  if (input.followUpOn <= today) throw new BadUserInputError('input.followUpOn', 'must be after today');
  return {
    needs,
    goals,
    interventions,
    familyActions: texts(input.familyActions, 'input.familyActions'),
    disagreements: texts(input.disagreements, 'input.disagreements'),
    coordinatorPhone: requiredText(input.coordinatorPhone, 'input.coordinatorPhone', 50),
    coordinatorEmail: requiredEmail(input.coordinatorEmail, 'input.coordinatorEmail'),
    followUpOn: calendarDay(input.followUpOn),
    followUpHow: requiredText(input.followUpHow, 'input.followUpHow'),
    endCriteria: optionalText(input.endCriteria, 'input.endCriteria'),
  };
}

/**
 * The entries of the version before that the writer may not see (policy/plan-content.ts): the
 * writer sends the whole plan as they see it, and cannot change or drop what they were never shown,
 * so these are kept as they were, after the writer's own in each section.
 */
async function unseenByWriter(context: SipContext, tx: Tx, sip: LockedSip, now: Date) {
  const before = await tx.planVersion.findFirst({
    where: { sipId: sip.id },
    orderBy: { number: 'desc' },
    include: VERSION_CONTENT,
  });
  const facts = (await loadConsentFacts(tx, [sip.childId])).get(sip.childId);
  const sees = sightFrom(facts, planReaderOf(context.requester), context.requester, now);
  const unseen = <T extends { category: string; keptFromGuardians: boolean }>(entries: readonly T[] = []) =>
    entries.filter((entry) => !sees({ ...entry, category: storedCategory(entry.category) }).shown);
  return {
    number: before?.number ?? 0,
    needs: unseen(before?.needs).map(({ text, category, keptFromGuardians }) => ({
      text,
      category,
      keptFromGuardians,
    })),
    goals: unseen(before?.goals).map(({ id: _id, versionId: _v, position: _p, ...goal }) => goal),
    interventions: unseen(before?.interventions).map(({ id: _id, versionId: _v, position: _p, ...kept }) => kept),
  };
}

const positioned = <T>(entries: readonly T[]) => entries.map((entry, position) => ({ ...entry, position }));

/**
 * Writes the next version of the plan: the first plan after the SIP meeting, or a revision after
 * a follow-up. The whole content is sent each time, and the new version has no signatures.
 */
export async function savePlanVersion(context: SipContext, sipId: string, input: PlanInput) {
  const content = planContent(input, swedishDate(context.clock()));
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'write the plan');
    await assertConsentInForce(tx, sip, now, 'sipId');
    const coordinator = sip.participants.find((p) => p.id === input.coordinatorId);
    if (coordinator?.kind !== 'STAFF')
      throw new BadUserInputError('input.coordinatorId', 'must be a staff participant of this SIP');
    const staffAgencies = new Set(sip.participants.filter((p) => p.kind === 'STAFF').map((p) => p.agency));
    content.interventions.forEach(({ agency }, i) => {
      if (!staffAgencies.has(agency))
        throw new BadUserInputError(
          `input.interventions.${i}.agency`,
          'no staff from this agency takes part in the SIP',
        );
    });
    if (input.meetingId != null) {
      const meeting = await tx.meeting.findFirst({ where: { id: input.meetingId, sipId: sip.id } });
      if (!meeting || (meeting.kind !== 'SIP_MEETING' && meeting.kind !== 'FOLLOW_UP')) {
        throw new BadUserInputError('input.meetingId', 'must be a SIP or follow-up meeting of this SIP');
      }
      if (!meeting.heldAt) throw new BadUserInputError('input.meetingId', 'the meeting has not been recorded as held');
    }
    await assertKeptOnlyAsTheYoungPersonMay(tx, sip.child, now, [
      ...content.needs.map((need, i) => [`input.needs.${i}`, need] as const),
      ...content.goals.map((goal, i) => [`input.goals.${i}`, goal] as const),
      ...content.interventions.map((intervention, i) => [`input.interventions.${i}`, intervention] as const),
    ]);
    const kept = await unseenByWriter(context, tx, sip, now);
    const needs = [...content.needs, ...kept.needs];
    const goals = [...content.goals, ...kept.goals];
    if (needs.length === 0) throw new BadUserInputError('input.needs', 'name at least one need');
    if (!goals.some((g) => g.term === 'SHORT') || !goals.some((g) => g.term === 'LONG')) {
      throw new BadUserInputError('input.goals', 'name at least one short-term and one long-term goal');
    }
    const { needs: _needs, goals: _goals, interventions, ...fields } = content;
    const version = await tx.planVersion.create({
      data: {
        ...fields,
        sipId: sip.id,
        number: kept.number + 1,
        createdAt: now,
        createdBy: context.requester.subject,
        meetingId: input.meetingId ?? null,
        coordinatorId: coordinator.id,
        needs: { create: positioned(needs) },
        goals: { create: positioned(goals) },
        interventions: { create: positioned([...interventions, ...kept.interventions]) },
      },
      include: VERSION_CONTENT,
    });
    return { version, childId: sip.childId };
  });
}
