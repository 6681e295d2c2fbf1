import type { Prisma } from '../../../../prisma/sip/client/client.ts';
import { InterventionFollowUp } from './follow-up.type.ts';

type FollowUpRow = Prisma.InterventionFollowUpGetPayload<{ include: { intervention: true } }>;

export const toFollowUp = ({ meetingId, interventionId, intervention, done, outcome, changes }: FollowUpRow) =>
  Object.assign(new InterventionFollowUp(), {
    meetingId,
    interventionId,
    what: intervention.what,
    done,
    outcome,
    changes,
  });
