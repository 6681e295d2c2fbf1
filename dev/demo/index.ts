import type { DemoDataStep } from '../../lib/db/demo-data.ts';
import type { SubgraphName } from '../../policy/agencies.ts';
import type { StandInRecords } from '../../standins/stand-ins.ts';
import { healthDemoRecords } from './health.ts';
import { schoolDemoData, schoolDemoRecords } from './school.ts';
import { sipDemoData } from './sip.ts';
import { socialDemoRecords } from './social.ts';

/**
 * The fictional demo data of each subgraph that keeps records of its own, in steps; `npm start`
 * and the demo containers write it.
 */
export const DEMO_DATA: Partial<Record<SubgraphName, ReadonlyArray<DemoDataStep<never>>>> = {
  sip: sipDemoData,
  school: schoolDemoData,
};

/**
 * The demo's records in the agencies' own systems (their local stand-ins), for the children the SIP
 * core registered (their personnummer by child id, as the SIP core's demo gave them), dated around `now`.
 */
export const DEMO_SOURCE_RECORDS: {
  [Name in keyof StandInRecords]: (personnummer: ReadonlyMap<string, string>, now: Date) => StandInRecords[Name];
} = {
  school: schoolDemoRecords,
  social: socialDemoRecords,
  health: healthDemoRecords,
};
