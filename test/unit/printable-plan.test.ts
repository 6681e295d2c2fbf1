// type-graphql's decorators need the metadata API before any decorated class loads.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Child } from '../../subgraphs/sip/consent-authority/children/child.type.ts';
import { PlanVersion } from '../../subgraphs/sip/workflow/plan/plan-version.type.ts';
import { renderPrintablePlan } from '../../subgraphs/sip/workflow/plan/printable-plan.ts';
import { Sip, SipParticipant } from '../../subgraphs/sip/workflow/process/sip.type.ts';

const coordinator = Object.assign(new SipParticipant(), {
  id: 'p1',
  kind: 'STAFF',
  name: 'Eva <b>Sundberg</b>',
  agency: 'SOCIAL_SERVICES',
  unit: 'Barn & familj',
  title: 'socialsekreterare',
  isInitiator: true,
});
const guardian = Object.assign(new SipParticipant(), {
  id: 'p2',
  kind: 'GUARDIAN',
  name: 'Maria Lindqvist',
  agency: null,
  unit: null,
  title: 'vårdnadshavare',
  isInitiator: false,
});

const version = Object.assign(new PlanVersion(), {
  id: 'v2',
  sipId: 's1',
  meetingId: null,
  coordinatorId: 'p1',
  number: 2,
  createdAt: new Date('2026-11-23T10:00:00Z'),
  needs: [
    { text: '<script>alert("x")</script>', category: 'SHARED', keptFromGuardians: false },
    { text: 'Oro på morgnarna', category: 'SCHOOL_ATTENDANCE', keptFromGuardians: false },
  ],
  goals: [
    { term: 'SHORT', description: 'Närvaro', measure: 'Rapport', category: 'SHARED', keptFromGuardians: false },
    { term: 'LONG', description: 'Betyg', measure: 'Betyg', category: 'SHARED', keptFromGuardians: false },
  ],
  leftOut: [
    { section: 'NEEDS', category: 'HEALTH_DIAGNOSES', agency: 'HEALTH_CARE', count: 1, reason: 'BLOCKED' },
    {
      section: 'INTERVENTIONS',
      category: 'SOCIAL_INTERVENTIONS',
      agency: 'SOCIAL_SERVICES',
      count: 2,
      reason: 'SCOPE_NOT_COVERED',
    },
  ],
  interventions: [
    {
      what: 'Samtal',
      agency: 'SCHOOL',
      unit: 'Ekbacken',
      responsiblePerson: 'Karin',
      frequency: 'veckovis',
      startsOn: '2026-12-01',
      endsOn: null,
      location: 'Skolan',
      evaluationMethod: 'Samtal',
      evaluatedBy: 'Karin',
    },
  ],
  familyActions: [],
  disagreements: ["Pappa vill 'annat'"],
  coordinatorPhone: '010-1',
  coordinatorEmail: 'eva@kommun.example',
  followUpOn: '2027-02-15',
  followUpHow: 'Möte',
  endCriteria: null,
});

describe('the printable plan', () => {
  const html = renderPrintablePlan({
    sip: Object.assign(new Sip(), { id: 's1', status: 'ACTIVE', questions: ['Skolgång?'] }),
    child: Object.assign(new Child(), {
      id: 'c1',
      personnummer: '20120314-9826',
      givenName: 'Alva',
      familyName: 'Lindqvist',
    }),
    version,
    participants: [coordinator, guardian],
    signatures: [{ participantId: 'p1', signedAt: new Date('2026-11-23T11:00:00Z'), form: 'IN_APP', recordedBy: null }],
    awaiting: [guardian],
    copyFor: 'Maria Lindqvist',
    printedAt: new Date('2026-11-24T08:00:00Z'),
    startsFrom: [],
  });

  it('turns nothing typed into the plan into markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Eva &lt;b&gt;Sundberg&lt;/b&gt;, socialsekreterare, Barn &amp; familj');
    expect(html).toContain('Pappa vill &#39;annat&#39;');
  });

  it('names the version, the signatures with Swedish local time, whom it awaits, and whose copy it is', () => {
    expect(html).toContain('Version 2, upprättad 2026-11-23 11:00. Status: pågående.');
    expect(html).toContain(
      '<li>Eva &lt;b&gt;Sundberg&lt;/b&gt;, socialsekreterare, Barn &amp; familj: 2026-11-23 12:00</li>',
    );
    expect(html).toContain('Väntar på underskrift av: Maria Lindqvist, vårdnadshavare');
    expect(html).toContain('Kopia för Maria Lindqvist, utskriven 2026-11-24 09:00.');
    expect(html).toContain('<td>Skola, Ekbacken<br>Karin</td>');
  });

  it('names the category an entry comes from, and says what was left out of this copy and why', () => {
    expect(html).toContain('<li>Oro på morgnarna (Närvaro och frånvaro)</li>');
    expect(html).toContain(
      'Delar av planen visas inte i din kopia. Utelämnat: 1 behov, kategori Diagnoser (Hälso- och sjukvård): ' +
        'familjen har spärrat uppgifterna; 2 insatser, kategori Insatser (SoL/LSS) (Socialtjänst): samtycket ' +
        'omfattar inte kategorin.',
    );
  });
});
