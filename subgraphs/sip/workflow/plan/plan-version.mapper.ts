import type {
  PlanGoal as GoalRow,
  PlanIntervention as InterventionRow,
  PlanVersion as VersionRow,
} from '../../../../prisma/sip/client/client.ts';
import { toLocalDate } from '../../../../lib/periods.ts';
import { PlanGoal, PlanIntervention, PlanVersion } from './plan-version.type.ts';

export type VersionRowWithContent = VersionRow & { goals: GoalRow[]; interventions: InterventionRow[] };

/** `childId` is the plan's child, which each intervention carries for the agencies' consent checks. */
export function toPlanVersion(row: VersionRowWithContent, childId: string): PlanVersion {
  return Object.assign(new PlanVersion(), {
    id: row.id,
    sipId: row.sipId,
    meetingId: row.meetingId,
    coordinatorId: row.coordinatorId,
    number: row.number,
    createdAt: row.createdAt,
    needs: row.needs,
    goals: row.goals.map(({ term, description, measure }) =>
      Object.assign(new PlanGoal(), { term, description, measure }),
    ),
    interventions: row.interventions.map((intervention) =>
      Object.assign(new PlanIntervention(), {
        id: intervention.id,
        childId,
        agencyRecordId: intervention.agencyRecordId,
        what: intervention.what,
        agency: intervention.agency,
        unit: intervention.unit,
        responsiblePerson: intervention.responsiblePerson,
        frequency: intervention.frequency,
        startsOn: toLocalDate(intervention.startsOn),
        endsOn: intervention.endsOn && toLocalDate(intervention.endsOn),
        location: intervention.location,
        evaluationMethod: intervention.evaluationMethod,
        evaluatedBy: intervention.evaluatedBy,
      }),
    ),
    familyActions: row.familyActions,
    disagreements: row.disagreements,
    coordinatorPhone: row.coordinatorPhone,
    coordinatorEmail: row.coordinatorEmail,
    followUpOn: toLocalDate(row.followUpOn),
    followUpHow: row.followUpHow,
    endCriteria: row.endCriteria,
  });
}
