import { ForbiddenError } from '../../../../lib/errors.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { SipContext } from '../context.ts';
import { FORBIDDEN_SIP } from '../../consent-authority/open-sip.ts';
import { roleInSip } from '../process/sip-access.ts';
import type { PlanIntervention } from './plan-version.type.ts';
import { toPlanVersion } from './plan-version.mapper.ts';

/**
 * Resolves a plan intervention another subgraph refers to by id, under the rule of the plan it is
 * part of: only those who may see the SIP. Unknown ids resolve to null.
 */
export async function resolvePlanInterventionReference(
  reference: { id: string },
  context: SipContext,
): Promise<PlanIntervention | null> {
  const row = isUuid(reference.id)
    ? await context.prisma.planIntervention.findUnique({
        where: { id: reference.id },
        include: { version: { include: { sip: true, goals: true, interventions: true } } },
      })
    : null;
  if (!row) return null;
  if (!(await roleInSip(context, row.version.sip))) throw new ForbiddenError(FORBIDDEN_SIP);
  return toPlanVersion(row.version, row.version.sip.childId).interventions.find((i) => i.id === row.id) ?? null;
}
