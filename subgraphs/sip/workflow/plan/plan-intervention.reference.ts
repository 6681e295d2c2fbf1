import { ForbiddenError } from '../../../../lib/errors.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { SipContext } from '../context.ts';
import { FORBIDDEN_SIP } from '../../consent-authority/open-sip.ts';
import { roleInSip } from '../process/sip-access.ts';
import type { PlanIntervention } from './plan-version.type.ts';
import { PlanSection } from './plan-entry.type.ts';
import { seenEntries } from './plan-sight.ts';
import { toPlanVersion, VERSION_CONTENT } from './plan-version.mapper.ts';

/**
 * Resolves a plan intervention another subgraph refers to by id, under the rule of the plan it is
 * part of: only those who may see the SIP, and only when they may see the intervention's category
 * (policy/plan-content.ts). Unknown ids, and those they may not see, resolve to null.
 */
export async function resolvePlanInterventionReference(
  reference: { id: string },
  context: SipContext,
): Promise<PlanIntervention | null> {
  const row = isUuid(reference.id)
    ? await context.prisma.planIntervention.findUnique({
        where: { id: reference.id },
        include: { version: { include: { sip: true, ...VERSION_CONTENT } } },
      })
    : null;
  if (!row) return null;
  if (!(await roleInSip(context, row.version.sip))) throw new ForbiddenError(FORBIDDEN_SIP);
  const { childId } = row.version.sip;
  const intervention = toPlanVersion(row.version, childId).interventions.filter((i) => i.id === row.id);
  const { shown } = await seenEntries(context, childId, PlanSection.INTERVENTIONS, 'PlanIntervention', intervention);
  return shown[0] ?? null;
}
