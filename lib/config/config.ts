import { join } from 'node:path';
import { z } from 'zod';
import { AGENCY_SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from '../../policy/agencies.ts';
import { maskPassword } from '../db/connection-url.ts';
import { embeddedPortVariable, type DatabaseLocation } from '../db/database.ts';
import { INTROSPECTION_ACCESS, type IntrospectionAccess } from '../server/introspection.ts';
import type { PortClaim } from '../server/listen.ts';
import type { SourceLocation } from '../source/source-system.ts';
import { DEFAULT_KEY_REFRESH_MS, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../auth/identity-token.ts';
import type { IdentityProviderSettings } from '../auth/keys.ts';

export { INTROSPECTION_ACCESS, SUBGRAPH_NAMES, type IntrospectionAccess, type SubgraphName };
/** The graph's services; `identity` and `mail` are the local stand-ins `npm start` runs beside it. */
export type Service = SubgraphName | 'gateway' | 'identity' | 'mail';
const SERVICES = ['gateway', 'identity', 'mail', ...SUBGRAPH_NAMES] as const;

type Env = Record<string, string | undefined>;

/** Who summonses are from unless SUMMONS_FROM says otherwise (and in `npm start`). */
export const DEFAULT_SUMMONS_FROM = 'SIP <sip@kommun.example>';

/** How the gateway admits requests and calls subgraphs. */
export interface GatewayLimits {
  /** GraphQL requests executed at once (GATEWAY_MAX_CONCURRENT_REQUESTS). */
  maxConcurrent: number;
  /** Requests that may wait for a place; past that 503 with Retry-After (GATEWAY_MAX_QUEUED_REQUESTS). */
  maxQueued: number;
  /** The longest a client may take to send its whole request, headers and body (GATEWAY_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** The longest the gateway waits for one subgraph fetch (GATEWAY_SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  maxConcurrent: 16,
  maxQueued: 1_000,
  requestTimeoutMs: 30_000,
  subgraphTimeoutMs: 30_000,
};

/** `SCHOOL_PORT`, `GATEWAY_PORT`, …: the variable that moves a service to another port. */
const portVariable = (service: Service) => `${service.toUpperCase()}_PORT`;
/** `SCHOOL_DATABASE_URL`, …: set it to use a PostgreSQL server instead of the embedded database. */
const databaseUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_DATABASE_URL`;
/** `SCHOOL_MIGRATION_DATABASE_URL`, …: the tables' owner, which migrates them; the subgraph then runs as the other. */
const migrationUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_MIGRATION_DATABASE_URL`;
/** `SCHOOL_EMBEDDED_DATABASE_PORT`, …: the loopback port of a subgraph's embedded database (0: any free one). */
/** `SCHOOL_URL`, …: where the gateway finds a subgraph that runs elsewhere. */
const subgraphUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL`;

/**
 * `HEALTH_FHIR_URL` and `HEALTH_FHIR_TOKEN`, …: where the agency system a subgraph adapts answers,
 * and the bearer token it issued to the adapter; for a database source (`SOCIAL_CASE_SYSTEM_URL`),
 * the role to take on each connection, when the login is broader (`…_ROLE`). `variable` is the
 * source's own (`FHIR`, `SS12000`, `CASE_SYSTEM`).
 */
export const sourceVariables = (name: string, variable: string) => ({
  url: `${name.toUpperCase()}_${variable}_URL`,
  token: `${name.toUpperCase()}_${variable}_TOKEN`,
  role: `${name.toUpperCase()}_${variable}_ROLE`,
});

const DEFAULT_PORTS = Object.fromEntries([
  ['gateway', 4000],
  ['identity', 4009],
  ['mail', 4010],
  ['sip', 4001],
  ...AGENCY_SUBGRAPHS.map((entry) => [entry.subgraph, entry.defaultPort]),
]) as Record<Service, number>;

const wholeNumber = (min: number) =>
  z.coerce
    .number({ error: 'is not a number' })
    .int({ error: 'is not a whole number' })
    .min(min, { error: `is below ${min}` });
const portNumber = () => wholeNumber(0).max(65535, { error: 'is above 65535' }).optional();
const url = (protocols: RegExp) => z.url({ protocol: protocols, error: 'is not a URL of the right kind' }).optional();

/**
 * Every environment variable the graph reads, with its default: the README's Configuration table
 * in code. An empty value counts as unset.
 */
const ENVIRONMENT = z.object({
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'is neither true nor false' }).default('true'),
  CONSENT_TIMEOUT_MS: wholeNumber(1).default(2_000),
  GATEWAY_MAX_DEPTH: wholeNumber(1).default(12),
  GATEWAY_MAX_FIELDS: wholeNumber(1).default(2_000),
  GATEWAY_MAX_ALIASES: wholeNumber(1).default(100),
  GATEWAY_MAX_DIRECTIVES: wholeNumber(1).default(50),
  GATEWAY_MAX_CONCURRENT_REQUESTS: wholeNumber(1).default(DEFAULT_GATEWAY_LIMITS.maxConcurrent),
  GATEWAY_MAX_QUEUED_REQUESTS: wholeNumber(0).default(DEFAULT_GATEWAY_LIMITS.maxQueued),
  GATEWAY_REQUEST_TIMEOUT_MS: wholeNumber(1).default(DEFAULT_GATEWAY_LIMITS.requestTimeoutMs),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: wholeNumber(1).default(DEFAULT_GATEWAY_LIMITS.subgraphTimeoutMs),
  GATEWAY_INTROSPECTION: z
    .enum(INTROSPECTION_ACCESS, { error: `is none of ${INTROSPECTION_ACCESS.join(', ')}` })
    .default('staff'),
  AUTH_ISSUER: z.string().default('sip-graph-dev'),
  AUTH_AUDIENCE: z.string().default('sip-graph'),
  AUTH_JWKS_URL: url(/^https?$/),
  AUTH_SIGN_IN_ISSUER: url(/^https?$/),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: wholeNumber(1).default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  AUTH_KEY_REFRESH_SECONDS: wholeNumber(1).default(DEFAULT_KEY_REFRESH_MS / 1000),
  AUDIT_ANCHOR_FILE: z.string().optional(),
  AUDIT_ANCHOR_KEY: z.string().min(32, { error: 'is shorter than 32 characters' }).optional(),
  AUDIT_ANCHOR_INTERVAL_SECONDS: wholeNumber(1).default(300),
  AUDIT_VERIFIED_FILE: z.string().optional(),
  SOURCE_TIMEOUT_MS: wholeNumber(1).default(10_000),
  SMTP_URL: url(/^smtps?$/),
  SUMMONS_FROM: z.string().default(DEFAULT_SUMMONS_FROM),
  SUMMONS_DELIVERY_INTERVAL_SECONDS: wholeNumber(1).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...Object.fromEntries(SERVICES.map((service) => [portVariable(service), portNumber()])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [embeddedPortVariable(name), portNumber()])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [databaseUrlVariable(name), url(/^postgres(ql)?$/)])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [migrationUrlVariable(name), url(/^postgres(ql)?$/)])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), url(/^https?$/)])),
});

export class ConfigError extends Error {}

/** The graph's configuration, read and checked once at start-up. */
export interface Config {
  host: string;
  seedDemoData: boolean;
  consentTimeoutMs: number;
  queryLimits: { maxDepth: number; maxFields: number; maxAliases: number; maxDirectives: number };
  /** How the gateway admits requests and how long it waits for clients and subgraphs. */
  gatewayLimits: GatewayLimits;
  /** Who may read the schema through the gateway (GATEWAY_INTROSPECTION). */
  introspection: IntrospectionAccess;
  /** The identity provider: expected issuer and audience, its JWKS URL if it publishes one, and token limits. */
  auth: IdentityProviderSettings;
  logLevel: string;
  dataDir: string;
  /**
   * Where the SIP core anchors its audit chains outside its database (AUDIT_ANCHOR_FILE, by default
   * under DATA_DIR), signed with AUDIT_ANCHOR_KEY, every AUDIT_ANCHOR_INTERVAL_SECONDS; the key is
   * null when none is configured. `verifiedFile` (AUDIT_VERIFIED_FILE) is where `npm run
   * audit:verify` marks how far it found the chains intact, signed with the same key.
   */
  auditAnchor: { file: string; key: string | null; intervalMs: number; verifiedFile: string };
  /** Where summonses are sent by e-mail (SMTP_URL), from whom, how often; null: through the apps only. */
  summonsDelivery: { smtpUrl: string; from: string; intervalMs: number } | null;
  port(service: Service): number;
  /** A URL from `<NAME>_DATABASE_URL`, else the embedded database kept under `DATA_DIR`. */
  databaseLocation(name: SubgraphName): DatabaseLocation;
  /** Where the gateway and the other subgraphs find a subgraph: `<NAME>_URL`, else on its local port. */
  subgraphUrl(name: SubgraphName): string;
  /**
   * Where the agency system a subgraph adapts answers (see `sourceVariables`), each call limited to
   * SOURCE_TIMEOUT_MS; undefined when its URL is not set (`npm start` then runs the local stand-in).
   */
  sourceLocation(name: SubgraphName, variable: string): SourceLocation | undefined;
}

/** Refuses a bad value with one message that names every bad variable, its value and why. */
export function readConfig(env: Env = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ENVIRONMENT.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(({ path, message }) => {
      const variable = String(path[0]);
      return `${variable}=${maskPassword(set[variable] ?? '')} ${message}`;
    });
    throw new ConfigError(`bad configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data as z.infer<typeof ENVIRONMENT> & Record<string, string | number | undefined>;
  const port = (service: Service) => (values[portVariable(service)] as number | undefined) ?? DEFAULT_PORTS[service];
  const embeddedPort = (name: SubgraphName) => (values[embeddedPortVariable(name)] as number | undefined) ?? 0;
  // Two services on one port would otherwise be reported as "already in use" with nothing listening there.
  const claimed = new Map<number, string>();
  const claims: Array<[string, number]> = [
    ...SERVICES.map((service): [string, number] => [portVariable(service), port(service)]),
    ...SUBGRAPH_NAMES.map((name): [string, number] => [embeddedPortVariable(name), embeddedPort(name)]),
  ];
  for (const [variable, number] of claims.filter(([, number]) => number !== 0)) {
    const other = claimed.get(number);
    if (other)
      throw new ConfigError(`bad configuration: ${other} and ${variable} are both ${number}; give each its own port`);
    claimed.set(number, variable);
  }
  return {
    host: values.HOST,
    seedDemoData: values.SEED_DEMO_DATA === 'true',
    consentTimeoutMs: values.CONSENT_TIMEOUT_MS,
    queryLimits: {
      maxDepth: values.GATEWAY_MAX_DEPTH,
      maxFields: values.GATEWAY_MAX_FIELDS,
      maxAliases: values.GATEWAY_MAX_ALIASES,
      maxDirectives: values.GATEWAY_MAX_DIRECTIVES,
    },
    introspection: values.GATEWAY_INTROSPECTION,
    gatewayLimits: {
      maxConcurrent: values.GATEWAY_MAX_CONCURRENT_REQUESTS,
      maxQueued: values.GATEWAY_MAX_QUEUED_REQUESTS,
      requestTimeoutMs: values.GATEWAY_REQUEST_TIMEOUT_MS,
      subgraphTimeoutMs: values.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    },
    auth: {
      issuer: values.AUTH_ISSUER,
      audience: values.AUTH_AUDIENCE,
      jwksUrl: values.AUTH_JWKS_URL,
      maxTokenLifetimeSeconds: values.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
      keyRefreshMs: values.AUTH_KEY_REFRESH_SECONDS * 1000,
      signInIssuer: values.AUTH_SIGN_IN_ISSUER,
    },
    logLevel: values.LOG_LEVEL,
    dataDir: values.DATA_DIR,
    summonsDelivery: values.SMTP_URL
      ? {
          smtpUrl: values.SMTP_URL,
          from: values.SUMMONS_FROM,
          intervalMs: values.SUMMONS_DELIVERY_INTERVAL_SECONDS * 1000,
        }
      : null,
    auditAnchor: {
      file: values.AUDIT_ANCHOR_FILE ?? join(values.DATA_DIR, 'audit-anchors.jsonl'),
      key: values.AUDIT_ANCHOR_KEY ?? null,
      intervalMs: values.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000,
      verifiedFile: values.AUDIT_VERIFIED_FILE ?? join(values.DATA_DIR, 'audit-verified.jsonl'),
    },
    port,
    databaseLocation: (name) => {
      const databaseUrl = values[databaseUrlVariable(name)] as string | undefined;
      const migrationUrl = values[migrationUrlVariable(name)] as string | undefined;
      return databaseUrl
        ? { kind: 'server', url: databaseUrl, ...(migrationUrl && { migrationUrl }) }
        : { kind: 'embedded', dataDir: join(values.DATA_DIR, name), port: embeddedPort(name) };
    },
    subgraphUrl: (name) =>
      (values[subgraphUrlVariable(name)] as string | undefined) ?? `http://localhost:${port(name)}/graphql`,
    sourceLocation: (name, variable) => {
      const names = sourceVariables(name, variable);
      const location = set[names.url];
      if (location === undefined) return undefined;
      // An API (FHIR, SS 12000) over HTTP, or a database the vendor opened to the adapter (the case system's).
      if (!url(/^(https?|postgres(ql)?)$/).safeParse(location).success)
        throw new ConfigError(`bad configuration: ${names.url}=${location} is not a URL of the right kind`);
      // A database source carries its credentials in the URL; `startSubgraph` asks for a token where one is needed.
      return {
        url: location,
        token: set[names.token] ?? '',
        role: set[names.role],
        timeoutMs: values.SOURCE_TIMEOUT_MS,
      };
    },
  };
}

/** A service's port, named as a start-up error names it. */
export const portClaim = (service: Service, port: number, host?: string): PortClaim => ({
  port,
  host,
  portVariable: portVariable(service),
  service:
    service === 'gateway'
      ? 'the gateway'
      : service === 'identity'
        ? 'the local identity provider'
        : service === 'mail'
          ? 'the local mail stand-in'
          : `the ${service} subgraph`,
});

/** The port of every service of the graph. */
export const portClaims = (port: (service: Service) => number, host?: string): PortClaim[] =>
  SERVICES.map((service) => portClaim(service, port(service), host));
