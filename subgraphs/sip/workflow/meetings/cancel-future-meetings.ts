import type { Tx } from '../../consent-authority/open-sip.ts';
import { writeSummonses } from './summons.ts';

/**
 * When a SIP closes, for any reason, its meetings still to come are called off in the same
 * transaction, with the closure as the reason, and everyone invited gets a summons saying so: no
 * family is left with a meeting nobody can cancel any more.
 */
export async function cancelFutureMeetings(tx: Tx, sipIds: readonly string[], now: Date, reason: string) {
  const upcoming = await tx.meeting.findMany({
    where: { sipId: { in: [...sipIds] }, heldAt: null, cancelledAt: null, startsAt: { gt: now } },
    select: { id: true },
  });
  if (upcoming.length === 0) return;
  await tx.meeting.updateMany({
    where: { id: { in: upcoming.map((meeting) => meeting.id) } },
    data: { cancelledAt: now, cancellationReason: reason },
  });
  for (const { id } of upcoming) await writeSummonses(tx, id, 'CANCELLED', now, reason);
}
