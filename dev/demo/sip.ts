import type { Prisma } from '../../prisma/sip/client/client.ts';
import { demoChildren, demoGuardians, demoPersonnummer } from './people.ts';
import type { DemoDataStep } from '../../lib/db/demo-data.ts';
import { parsePersonnummer } from '../../subgraphs/sip/consent-authority/children/personnummer.ts';
import { demoCohort } from './cohort.ts';
import { cohortConsents, demoBlocks, demoConsents } from './sip-consents.ts';
import { demoSips } from './sip-plans.ts';
import { demoSipRequests } from './sip-requests.ts';
import { demoChildViews } from './child-views.ts';
import { writeSummonses } from '../../subgraphs/sip/workflow/meetings/summons.ts';

const digits = (personnummer: string) => personnummer.replace('-', '');
const children = [...Object.values(demoChildren), ...demoCohort];

/**
 * Children the population register knows and the graph does not hold yet, to register with
 * `registerChild`: Tove, whose mother is Noah's (already registered) and whose other parent is not;
 * and Vera, in the social welfare board's care, with no guardian who has custody.
 */
export const unregisteredChildren = {
  tove: { personnummer: '20160229-9800', givenName: 'Tove', familyName: 'Karlsson' },
  vera: { personnummer: '20150612-9806', givenName: 'Vera', familyName: 'Nyström' },
};
const kim = { personnummer: '19900101-9802', givenName: 'Kim', familyName: 'Svensson' };

/** Demo children (the named families and the cohort) with their guardians, their consents, and SIPs at every stage. */
export const sipDemoData: Array<DemoDataStep<Prisma.TransactionClient>> = [
  {
    // The municipality's copy of the population register: everyone in the demo, and two children not yet registered.
    name: 'population register',
    write: async (tx, now) => {
      const cohortGuardians = demoCohort.flatMap((child) => child.guardians.map(({ guardian }) => guardian));
      const person = ({
        personnummer,
        givenName,
        familyName,
      }: Record<'personnummer' | 'givenName' | 'familyName', string>) => ({
        personnummer: digits(personnummer),
        givenName,
        familyName,
      });
      const guardians = [...new Set([...Object.values(demoGuardians), ...cohortGuardians])];
      await tx.populationRecord.createMany({
        data: [
          ...guardians.map(person),
          person(kim),
          ...children.map((child) => ({
            ...person({ ...child, personnummer: demoPersonnummer(child, now) }),
            guardians: child.guardians.map(({ guardian, hasCustody }) => ({
              personnummer: digits(guardian.personnummer),
              hasCustody,
            })),
          })),
          {
            ...person(unregisteredChildren.tove),
            guardians: [
              { personnummer: digits(demoGuardians.annaKarlsson.personnummer), hasCustody: true },
              { personnummer: digits(kim.personnummer), hasCustody: true },
            ],
          },
          person(unregisteredChildren.vera),
        ],
      });
    },
  },
  {
    name: 'children and guardians',
    write: async (tx, now) => {
      const cohortGuardians = demoCohort.flatMap((child) => child.guardians.map(({ guardian }) => guardian));
      await tx.guardian.createMany({
        data: [...Object.values(demoGuardians), ...cohortGuardians].map(({ personnummer, ...guardian }) => ({
          ...guardian,
          personnummer: digits(personnummer),
        })),
      });
      await tx.child.createMany({
        data: children.map((child) => {
          const { id, givenName, familyName } = child;
          const personnummer = demoPersonnummer(child, now);
          const parsed = parsePersonnummer(personnummer, now);
          if (typeof parsed === 'string') throw new Error(`demo personnummer ${personnummer} is invalid: ${parsed}`);
          return { id, givenName, familyName, personnummer: parsed.digits, dateOfBirth: parsed.dateOfBirth };
        }),
      });
      await tx.guardianship.createMany({
        data: children.flatMap((child) =>
          child.guardians.map(({ guardian, hasCustody }) => ({
            childId: child.id,
            guardianId: guardian.id,
            hasCustody,
          })),
        ),
      });
    },
  },
  {
    // The families' decisions: consents, withdrawals, blocks.
    name: 'consents',
    write: async (tx, now) => {
      const consents = [...demoConsents(now), ...cohortConsents(now)];
      await tx.consent.createMany({ data: consents.map(({ withdrawal: _, ...consent }) => consent) });
      await tx.consentWithdrawal.createMany({
        data: consents.flatMap(({ id, withdrawal }) => (withdrawal ? [{ consentId: id, ...withdrawal }] : [])),
      });
      const { blocks, records, lifts } = demoBlocks(now);
      await tx.block.createMany({ data: blocks });
      await tx.blockedRecord.createMany({ data: records });
      await tx.blockLift.createMany({ data: lifts });
    },
  },
  {
    // Each SIP is one nested create: its participants, meetings, plan versions and signatures. A
    // unit whose staff member takes part accepted its invitation the day after, naming them.
    name: 'SIPs',
    write: async (tx, now) => {
      for (const sip of demoSips(now)) await tx.sip.create({ data: sip });
      const invitations = await tx.sipInvitation.findMany({ include: { sip: { include: { participants: true } } } });
      await tx.sipInvitationAnswer.createMany({
        data: invitations.flatMap(({ id, agency, unit, invitedAt, sip }) =>
          sip.participants
            .filter((p) => p.kind === 'STAFF' && p.agency === agency && p.unit === unit)
            .slice(0, 1)
            .map((attendee) => ({
              invitationId: id,
              kind: 'ACCEPTED' as const,
              attendeeId: attendee.id,
              answeredBy: attendee.subject!,
              answeredByName: attendee.name,
              answeredAt: new Date(invitedAt.getTime() + 24 * 60 * 60 * 1000),
            })),
        ),
      });
    },
  },
  {
    // The families' requests for a SIP (one that became Noah's SIP, one of Hedda's still waiting),
    // and what a child said in their own SIP.
    name: 'requests and views',
    write: async (tx, now) => {
      const { requests, answers } = demoSipRequests(now);
      await tx.sipRequest.createMany({ data: requests });
      await tx.sipRequestAnswer.createMany({ data: answers });
      await tx.childView.createMany({ data: demoChildViews(now) });
    },
  },
  {
    // What everyone invited to the meetings booked in the demo was sent when they were booked.
    name: 'summonses',
    write: async (tx, now) => {
      const booked = await tx.meeting.findMany({ where: { heldAt: null, cancelledAt: null, startsAt: { gt: now } } });
      for (const meeting of booked) await writeSummonses(tx, meeting.id, 'BOOKED', meeting.scheduledAt);
    },
  },
];
