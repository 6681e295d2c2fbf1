import type { Resource } from '@medplum/fhirtypes';
import type { SubgraphName } from '../policy/agencies.ts';
import type { SourceLocation } from '../lib/source/source-system.ts';
import { transactionOf } from '../subgraphs/health/fhir/care-resources.ts';
import type { Ss12000Records } from '../subgraphs/school/ss12000/student-records.ts';
import { startFhirStandIn } from './fhir/start-fhir-stand-in.ts';
import { startSs12000StandIn } from './ss12000/server.ts';
import { startCaseSystemStandIn, type CaseSystemRecords } from './case-system/start-case-system.ts';
import type { DatabaseLocation } from '../lib/db/database.ts';

/**
 * A local stand-in for an agency's existing system, for `npm start` and the tests: real software
 * that speaks the system's standard, holding what the demo or a test puts in it.
 */
export interface StandIn<TRecords> {
  location: SourceLocation;
  /** Adds records, as the agency's own system would hold them. */
  load(records: TRecords): Promise<void>;
  /** Forgets every record: a test file starts from an empty system. */
  reset(): Promise<void>;
  /** The requests it has answered so far (a test counts an adapter's calls per fetch); a database counts none. */
  requests?(): Promise<number>;
  stop(): Promise<void>;
}

/** A stand-in's records, by the subgraph that adapts its system. */
export interface StandInRecords {
  school: Ss12000Records;
  social: CaseSystemRecords;
  health: Resource[];
}

/** Where a stand-in starts: its host, and for one that is a database, where that lives. */
export interface StandInOptions {
  host?: string;
  /** 0 or unset: any free port. */
  port?: number;
  database: DatabaseLocation;
  /** The case system's read-only role's password, where its database asks for one (a server). */
  readerPassword?: string;
}

/** The stand-ins that are a database (the case system's): the tests make one for each, as for a subgraph. */
export const STAND_INS_WITH_DATABASE = ['social'] as const;

/** The bearer token the stand-ins ask for: they hold fictional data only, so it is no secret. */
export const STAND_IN_TOKEN = 'stand-in-token';

/** Calls to a stand-in on this machine: generous, a busy machine is not a broken system. */
const STAND_IN_TIMEOUT_MS = 60_000;

/**
 * Starts each subgraph's stand-in: a student information system's SS 12000 API for the school (in
 * this process), a case system's database for social services, a FHIR server (Medplum's FHIR
 * router, a process of its own) for health care.
 */
export const STAND_INS: {
  [Name in keyof StandInRecords]: (options: StandInOptions) => Promise<StandIn<StandInRecords[Name]>>;
} = {
  school: async ({ host, port }) => {
    const sis = await startSs12000StandIn({ host, port, token: STAND_IN_TOKEN });
    return {
      location: { url: sis.url, token: sis.token, timeoutMs: STAND_IN_TIMEOUT_MS },
      // A class or mentor group already held keeps its members: records arrive a few students at a time.
      load: async (records) =>
        sis.store.add({
          ...records,
          groups: records.groups.map((group) => ({
            ...group,
            groupMemberships: [
              ...(sis.store.groups.get(group.id)?.groupMemberships ?? []),
              ...(group.groupMemberships ?? []),
            ],
          })),
        }),
      reset: async () => {
        sis.store.clear();
        sis.clearRequests();
      },
      requests: async () => sis.requests.length,
      stop: sis.stop,
    };
  },
  social: async ({ database, readerPassword }) => {
    const caseSystem = await startCaseSystemStandIn(database, readerPassword);
    return {
      location: {
        url: caseSystem.readerUrl,
        token: '',
        maxConnections: caseSystem.maxConnections,
        timeoutMs: STAND_IN_TIMEOUT_MS,
      },
      load: caseSystem.load,
      reset: caseSystem.reset,
      stop: caseSystem.stop,
    };
  },
  health: async ({ host, port }) => {
    const fhir = await startFhirStandIn({ host, port, token: STAND_IN_TOKEN });
    return {
      location: { url: fhir.url, token: fhir.token, timeoutMs: STAND_IN_TIMEOUT_MS },
      load: (resources) => fhir.load(transactionOf(resources)),
      reset: fhir.reset,
      requests: fhir.requests,
      stop: fhir.stop,
    };
  },
};

export const hasStandIn = (name: SubgraphName): name is keyof StandInRecords => name in STAND_INS;
