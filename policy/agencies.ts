/** The subgraphs of the graph: the SIP core and one per agency, each with its own database. */
export const SUBGRAPH_NAMES = ['sip', 'school', 'social', 'health'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The agencies that hold data about a child and may receive another agency's data under consent. */
export const AGENCIES = ['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'] as const;
export type Agency = (typeof AGENCIES)[number];

/** Which agency owns each subgraph's data. The SIP core belongs to no single agency. */
export const SUBGRAPH_AGENCY: Record<SubgraphName, Agency | null> = {
  sip: null,
  school: 'SCHOOL',
  social: 'SOCIAL_SERVICES',
  health: 'HEALTH_CARE',
};

/** The subgraph that holds each agency's records. */
export const AGENCY_SUBGRAPH = Object.fromEntries(
  SUBGRAPH_NAMES.flatMap((name) => (SUBGRAPH_AGENCY[name] ? [[SUBGRAPH_AGENCY[name], name]] : [])),
) as Record<Agency, SubgraphName>;

/** The subgraph that owns each entity; every other subgraph's fields on it cross an agency boundary. */
export const ENTITY_OWNERS: Record<string, SubgraphName> = { Child: 'sip', PlanIntervention: 'sip' };
