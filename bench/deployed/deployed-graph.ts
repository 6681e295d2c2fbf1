import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import { AGENCY_SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from '../../policy/agencies.ts';
import { sourceVariables } from '../../lib/config/config.ts';
import type { KeyPair } from '../../lib/auth/keys.ts';
import type { SourceLocation } from '../../lib/source/source-system.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export interface DeployedGraphOptions {
  mode: 'enforced' | 'off';
  /** Processes of the SIP core and of each agency subgraph. */
  replicas: number;
  /** Each subgraph's database on the PostgreSQL server, already migrated and filled. */
  databaseUrl: (name: SubgraphName) => string | undefined;
  /** Each agency subgraph's system, with the variable its adapter reads (`FHIR`, `SS12000`, …). */
  sources: Partial<Record<SubgraphName, SourceLocation & { variable: string }>>;
  authPublicJwk: JWK;
  identityKeys: Record<SubgraphName, KeyPair>;
  auditAnchorKey: string;
  dataDir: string;
}

export interface Service {
  name: string;
  process: ChildProcess;
  /** Asks the service for a CPU profile: started at the first ask, written at the second. */
  profile(): void;
}

export interface DeployedGraph {
  url: string;
  /** Each subgraph's balancer, where the gateway sends its fetches. */
  subgraphUrls: Record<SubgraphName, string>;
  services: Service[];
  /** Every process of the graph, the balancer's too, by name. */
  pids(): Array<{ name: string; pid: number }>;
  stop(): Promise<void>;
}

/** Starts `file` with `args` and waits for the line `pattern` matches; its first group is returned. */
export async function spawnUntil(file: string, args: string[], env: NodeJS.ProcessEnv, pattern: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const found = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`${file} ${args.join(' ')} exited (code ${code}) before it served`)));
  });
  return { child, found, exited };
}

/** Ports free now, for services told where to listen before they start. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    }),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * The graph as deployed: every service a process of its own, `replicas` of the SIP core and of each
 * agency subgraph, each subgraph behind a round-robin balancer (one process for all), one gateway.
 */
export async function startDeployedGraph(options: DeployedGraphOptions): Promise<DeployedGraph> {
  const services: Service[] = [];
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => void (await Promise.all(stops.map((stop) => stop())));
  const stopping = (child: ChildProcess, exited: Promise<unknown>) =>
    stops.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });
  const common: NodeJS.ProcessEnv = {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    DATA_DIR: options.dataDir,
    AUTH_PUBLIC_JWK: JSON.stringify(options.authPublicJwk),
    AUDIT_ANCHOR_KEY: options.auditAnchorKey,
  };
  const start = async (service: string, port: number, env: NodeJS.ProcessEnv) => {
    const { child, exited } = await spawnUntil(
      here('./service.ts'),
      [service, options.mode],
      { ...common, [`${service.toUpperCase()}_PORT`]: String(port), ...env },
      /ready at (\S+)/,
    );
    stopping(child, exited);
    services.push({ name: service, process: child, profile: () => child.kill('SIGUSR2') });
  };
  try {
    const ports = Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await freePorts(options.replicas)] as const)),
    ) as Record<SubgraphName, number[]>;
    const balancer = await spawnUntil(
      here('./balancer.ts'),
      SUBGRAPH_NAMES.map((name) => ports[name].join(',')),
      {},
      /^listening ([\d ]+)$/,
    );
    stopping(balancer.child, balancer.exited);
    const balanced = balancer.found.split(' ');
    const url = (name: SubgraphName) => `http://127.0.0.1:${balanced[SUBGRAPH_NAMES.indexOf(name)]}/graphql`;
    const database = (name: SubgraphName) => {
      const databaseUrl = options.databaseUrl(name);
      return databaseUrl ? { [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl } : {};
    };
    const envOf = (name: SubgraphName): NodeJS.ProcessEnv => {
      if (name === 'sip')
        return {
          ...database(name),
          ...Object.fromEntries(
            AGENCY_SUBGRAPHS.map(({ subgraph }) => [
              `${subgraph.toUpperCase()}_IDENTITY_PUBLIC_JWK`,
              JSON.stringify(options.identityKeys[subgraph].publicJwk),
            ]),
          ),
        };
      const source = options.sources[name];
      const variables = source && sourceVariables(name, source.variable);
      return {
        ...database(name),
        SIP_URL: url('sip'),
        SUBGRAPH_IDENTITY_PRIVATE_JWK: JSON.stringify(options.identityKeys[name].privateJwk),
        ...(variables && {
          [variables.url]: source.url,
          [variables.token]: source.token,
          ...(source.role && { [variables.role]: source.role }),
        }),
      };
    };
    // The SIP core's replicas first, one after the other (the first applies any migration), then the agencies'.
    for (const port of ports.sip) await start('sip', port, envOf('sip'));
    const agencies = await Promise.allSettled(
      AGENCY_SUBGRAPHS.map(async ({ subgraph }) => {
        for (const port of ports[subgraph]) await start(subgraph, port, envOf(subgraph));
      }),
    );
    const failed = agencies.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [gatewayPort] = await freePorts(1);
    await start(
      'gateway',
      gatewayPort,
      Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, url(name)])),
    );
    return {
      url: `http://127.0.0.1:${gatewayPort}/graphql`,
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url(name)])) as Record<SubgraphName, string>,
      services,
      pids: () => [
        { name: 'balancer', pid: balancer.child.pid! },
        ...services.map((service) => ({ name: service.name, pid: service.process.pid! })),
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
