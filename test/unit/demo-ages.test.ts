import { describe, expect, it } from 'vitest';
import { demoCohort } from '../../dev/demo/cohort.ts';
import { demoChildren, demoDateOfBirth, demoPersonnummer } from '../../dev/demo/people.ts';
import { parsePersonnummer } from '../../subgraphs/sip/consent-authority/children/personnummer.ts';
import { ageOn, isOfAge, speaksForThemselves } from '../../policy/age.ts';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.25 * DAY;
const everyChild = [...Object.values(demoChildren), ...demoCohort];

describe('demo ages, counted from the day the demo data is written', () => {
  it.each(['2026-11-25T09:00:00Z', '2027-02-28T23:30:00Z', '2030-07-01T12:00:00Z', '2034-12-31T23:59:00Z'])(
    'seeded on %s, every demo child but Hedda is a child for the next year, with a valid personnummer',
    (seeded) => {
      const seededAt = new Date(seeded);
      for (const child of everyChild) {
        const personnummer = parsePersonnummer(demoPersonnummer(child, seededAt), seededAt);
        if (typeof personnummer === 'string') throw new Error(`${child.givenName}: ${personnummer}`);
        expect(personnummer.dateOfBirth).toEqual(demoDateOfBirth(child, seededAt));
        expect(ageOn(personnummer.dateOfBirth, seededAt)).toBe(child.age);
        if (child === demoChildren.hedda) continue;
        expect(ageOn(personnummer.dateOfBirth, new Date(seededAt.getTime() + YEAR))).toBeLessThan(18);
      }
      // Hedda turns 18 three weeks after the demo is written, inside her mother's consent.
      const hedda = demoDateOfBirth(demoChildren.hedda, seededAt);
      expect(isOfAge(hedda, new Date(seededAt.getTime() + 20 * DAY))).toBe(false);
      expect(isOfAge(hedda, new Date(seededAt.getTime() + 22 * DAY))).toBe(true);
      // The walkthrough's two situations: Alva's custodians consent for her, Elias consents himself.
      expect(speaksForThemselves(demoDateOfBirth(demoChildren.alva, seededAt), seededAt)).toBe(false);
      expect(speaksForThemselves(demoDateOfBirth(demoChildren.elias, seededAt), seededAt)).toBe(true);
    },
  );
});
