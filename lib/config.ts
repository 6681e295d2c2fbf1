import { join } from 'node:path';
import type { DatabaseLocation } from './db/database.ts';
import type { PortClaim } from './server/listen.ts';

export const SUBGRAPH_NAMES = ['sip', 'school', 'social', 'health'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  sip: 4001,
  school: 4002,
  social: 4003,
  health: 4004,
};

type Env = Record<string, string | undefined>;

/** `SCHOOL_PORT`, `GATEWAY_PORT`, …: the variable that moves a service to another port. */
export const portVariable = (service: SubgraphName | 'gateway') => `${service.toUpperCase()}_PORT`;
/** The port of every service of the graph, named as a start-up error names them. */
export const portClaims = (port: (service: SubgraphName | 'gateway') => number, host?: string): PortClaim[] =>
  (['gateway', ...SUBGRAPH_NAMES] as const).map((service) => ({
    port: port(service),
    host,
    portVariable: portVariable(service),
    service: service === 'gateway' ? 'the gateway' : `the ${service} subgraph`,
  }));

/** `SCHOOL_DATABASE_URL`, …: set it to use a PostgreSQL server instead of the embedded database. */
export const databaseUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_DATABASE_URL`;
/** `SCHOOL_URL`, …: where the gateway finds a subgraph that runs elsewhere. */
export const subgraphUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL`;

export function readPort(service: SubgraphName | 'gateway', env: Env = process.env): number {
  const variable = portVariable(service);
  const raw = env[variable];
  if (raw === undefined || raw === '') return DEFAULT_PORTS[service];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${variable}=${raw} is not a port number (0-65535)`);
  return port;
}

/** A URL from `<NAME>_DATABASE_URL`, else the embedded database kept under `DATA_DIR` (default `.data/`). */
export function readDatabaseLocation(name: SubgraphName, env: Env = process.env): DatabaseLocation {
  const url = env[databaseUrlVariable(name)];
  if (url) return { kind: 'server', url };
  return { kind: 'embedded', dataDir: join(env.DATA_DIR || '.data', name) };
}

export function readSubgraphUrl(name: SubgraphName, env: Env = process.env): string {
  return env[subgraphUrlVariable(name)] || `http://localhost:${readPort(name, env)}/graphql`;
}
