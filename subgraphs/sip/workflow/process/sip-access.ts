import type { Sip as SipRow } from '../../../../prisma/sip/client/client.ts';
import type { SipContext } from '../context.ts';
import { custodianIdsOf, type SipRole } from '../../consent-authority/open-sip.ts';
import { sipRoleOf } from '../../../../policy/sip-access.ts';

/** The requester's role in a SIP, read through the request's loaders; null means no access. */
export async function roleInSip(context: SipContext, sip: Pick<SipRow, 'id' | 'childId'>): Promise<SipRole | null> {
  const [child, guardianships, participants] = await Promise.all([
    context.loaders.childById.load(sip.childId),
    context.loaders.guardianshipsByChildId.load(sip.childId),
    context.loaders.participantsBySipId.load(sip.id),
  ]);
  if (!child) return null;
  return sipRoleOf(
    context.requester,
    {
      childId: child.id,
      childDateOfBirth: child.dateOfBirth,
      custodianIds: custodianIdsOf(guardianships),
      participants,
    },
    context.clock(),
  );
}

/** The SIPs among `rows` the requester may see, in the same order. */
export async function visibleSips(context: SipContext, rows: SipRow[]): Promise<SipRow[]> {
  const roles = await Promise.all(rows.map((row) => roleInSip(context, row)));
  return rows.filter((_, i) => roles[i] !== null);
}
