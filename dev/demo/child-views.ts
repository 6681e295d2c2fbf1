import type { Prisma } from '../../prisma/sip/client/client.ts';
import { demoChildren as c } from './people.ts';
import { demoParticipantId as participantId, demoSipId } from './sip-ids.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Elias (16) said what he thought before his follow-up, for the BUP doctor only (policy/child-views.ts). */
export function demoChildViews(now: Date): Prisma.ChildViewCreateManyInput[] {
  return [
    {
      sipId: demoSipId(2),
      childId: c.elias.id,
      meetingId: '66666666-0000-4000-8000-000000000022',
      text: 'Jag vill gå ner i tid i skolan. Det är för mycket just nu, men jag vill inte att skolan ska veta varför.',
      sharedWith: [participantId(2, 4)],
      writtenAt: new Date(now.getTime() - 5 * DAY),
    },
  ];
}
