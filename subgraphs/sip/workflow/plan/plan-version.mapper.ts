import type {
  PlanGoal as GoalRow,
  PlanIntervention as InterventionRow,
  PlanNeed as NeedRow,
  PlanVersion as VersionRow,
} from '../../../../prisma/sip/client/client.ts';
import { toLocalDate } from '../../../../lib/periods.ts';
import { isPlanCategory, type PlanCategory } from '../../../../policy/plan-content.ts';
import { PlanText } from './plan-entry.type.ts';
import { PlanGoal, PlanIntervention, PlanVersion } from './plan-version.type.ts';

export type VersionRowWithContent = VersionRow & {
  needs: NeedRow[];
  goals: GoalRow[];
  interventions: InterventionRow[];
};

/** The entries' rows are read in their positions' order. */
export const VERSION_CONTENT = {
  needs: { orderBy: { position: 'asc' } },
  goals: { orderBy: { position: 'asc' } },
  interventions: { orderBy: { position: 'asc' } },
} as const;

/** A stored category; one the policy no longer knows is a fault, not something to show anyone. */
export function storedCategory(category: string): PlanCategory {
  if (!isPlanCategory(category)) throw new Error(`a plan entry names an unknown category ${category}`);
  return category;
}

export const toPlanText = (row: { text: string; category: string; keptFromGuardians: boolean }) =>
  Object.assign(new PlanText(), {
    text: row.text,
    category: storedCategory(row.category),
    keptFromGuardians: row.keptFromGuardians,
  });

/**
 * Every entry of a version, whoever reads: `planVersionAsSeen` leaves out what the requester may not
 * see. `childId` is the plan's child, which each intervention carries for the agencies' consent checks.
 */
export function toPlanVersion(row: VersionRowWithContent, childId: string): PlanVersion {
  return Object.assign(new PlanVersion(), {
    id: row.id,
    sipId: row.sipId,
    childId,
    meetingId: row.meetingId,
    coordinatorId: row.coordinatorId,
    number: row.number,
    createdAt: row.createdAt,
    needs: row.needs.map(toPlanText),
    goals: row.goals.map(({ term, description, measure, category, keptFromGuardians }) =>
      Object.assign(new PlanGoal(), {
        term,
        description,
        measure,
        category: storedCategory(category),
        keptFromGuardians,
      }),
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
        category: storedCategory(intervention.category),
        keptFromGuardians: intervention.keptFromGuardians,
      }),
    ),
    leftOut: [],
    familyActions: row.familyActions,
    disagreements: row.disagreements,
    coordinatorPhone: row.coordinatorPhone,
    coordinatorEmail: row.coordinatorEmail,
    followUpOn: toLocalDate(row.followUpOn),
    followUpHow: row.followUpHow,
    endCriteria: row.endCriteria,
  });
}
