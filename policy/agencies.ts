import type { Words } from './words.ts';

/**
 * The registry of agencies: one entry per agency subgraph, and everything else that lists the
 * agencies derives from it (the subgraph names, the agency codes, ports, the words and colours the
 * console and the plan's copies use, what "a unit in contact" means). Adding an agency is its
 * folder under `subgraphs/` and one entry here; what cannot derive from it (the SIP core's database
 * enum, the scopes and staff roles, which are policy to be read) is checked against it by a test
 * that names what is missing (`test/unit/agency-registry.test.ts`).
 */
export const AGENCY_SUBGRAPHS = [
  {
    subgraph: 'school',
    agency: 'SCHOOL',
    names: { en: 'the school', sv: 'Skola' },
    colour: '#1c5d99',
    defaultPort: 4002,
    unitInContact: 'the child is enrolled at the reader’s school',
  },
  {
    subgraph: 'social',
    agency: 'SOCIAL_SERVICES',
    names: { en: 'social services', sv: 'Socialtjänst' },
    colour: '#8a3b12',
    defaultPort: 4003,
    unitInContact: 'the reader is the handling officer (handläggare) of the child’s open case',
  },
  {
    subgraph: 'health',
    agency: 'HEALTH_CARE',
    names: { en: 'health care', sv: 'Hälso- och sjukvård' },
    colour: '#2b6a30',
    defaultPort: 4004,
    unitInContact: 'the child has a care contact in force with the reader’s care unit',
  },
] as const satisfies ReadonlyArray<{
  /** The folder under `subgraphs/`, the service's name and the prefix of its variables (`HEALTH_…`). */
  subgraph: string;
  /** The agency's code in consents, tokens and the log. */
  agency: string;
  /** What the agency is called: in English in the graph's messages, in Swedish in the console and the plan. */
  names: Words;
  /** The console's colour for the agency, with enough contrast against white. */
  colour: `#${string}`;
  defaultPort: number;
  /** What "a unit in contact with the child" means in the agency's own records (emergency access). */
  unitInContact: string;
}>;

export type AgencyEntry = (typeof AGENCY_SUBGRAPHS)[number];

/** The subgraphs of the graph: the SIP core and one per agency. */
export const SUBGRAPH_NAMES = ['sip', ...AGENCY_SUBGRAPHS.map((entry) => entry.subgraph)] as const as readonly [
  'sip',
  ...Array<AgencyEntry['subgraph']>,
];
export type SubgraphName = 'sip' | AgencyEntry['subgraph'];

/** The agencies that hold data about a child and may receive another agency's data under consent. */
export const AGENCIES = AGENCY_SUBGRAPHS.map((entry) => entry.agency);
export type Agency = AgencyEntry['agency'];

/** Each agency's entry. */
export const AGENCY = Object.fromEntries(AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry])) as {
  [Code in Agency]: Extract<AgencyEntry, { agency: Code }>;
};

/** Which agency owns each subgraph's data. The SIP core belongs to no single agency. */
export const SUBGRAPH_AGENCY = Object.fromEntries([
  ['sip', null],
  ...AGENCY_SUBGRAPHS.map((entry) => [entry.subgraph, entry.agency]),
]) as Record<SubgraphName, Agency | null>;

/** The subgraph that holds each agency's records. */
export const AGENCY_SUBGRAPH = Object.fromEntries(
  AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry.subgraph]),
) as Record<Agency, SubgraphName>;

/** The subgraph that owns each entity; every other subgraph's fields on it cross an agency boundary. */
export const ENTITY_OWNERS: Record<string, SubgraphName> = { Child: 'sip', PlanIntervention: 'sip' };
