import type { Meeting as MeetingRow, PlanVersion as VersionRow } from '../../../../prisma/sip/client/client.ts';
import { toLocalDate } from '../../../../lib/periods.ts';
import { FollowUp, type FollowUpState } from './sip.type.ts';

/**
 * The follow-up of the current plan version: followed up once a follow-up meeting was held after
 * the version was made; overdue once its date (a Swedish calendar date) has passed without one.
 */
export function followUpOf(versions: readonly VersionRow[], meetings: readonly MeetingRow[], today: string): FollowUp {
  const current = versions.at(-1);
  if (!current)
    return Object.assign(new FollowUp(), { dueOn: null, how: null, state: 'NOT_PLANNED' satisfies FollowUpState });
  const dueOn = toLocalDate(current.followUpOn);
  const followedUp = meetings.some((m) => m.kind === 'FOLLOW_UP' && m.heldAt !== null && m.heldAt > current.createdAt);
  const state: FollowUpState = followedUp ? 'FOLLOWED_UP' : dueOn < today ? 'OVERDUE' : 'UPCOMING';
  return Object.assign(new FollowUp(), { dueOn, how: current.followUpHow, state });
}
