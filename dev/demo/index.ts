import type { DemoDataStep } from '../../lib/db/demo-data.ts';
import type { SubgraphName } from '../../policy/agencies.ts';
import { healthDemoData } from './health.ts';
import { schoolDemoData } from './school.ts';
import { sipDemoData } from './sip.ts';
import { socialDemoData } from './social.ts';

/** Each subgraph's fictional demo data, in steps; `npm start` and the demo containers write it. */
export const DEMO_DATA: Record<SubgraphName, ReadonlyArray<DemoDataStep<never>>> = {
  sip: sipDemoData,
  school: schoolDemoData,
  social: socialDemoData,
  health: healthDemoData,
};
