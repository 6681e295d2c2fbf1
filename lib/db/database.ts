import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { maskPassword } from './connection-url.ts';
import { PortInUseError } from '../server/listen.ts';

/** The variable that fixes a subgraph's embedded database's port (0, the default, takes any free one). */
export const embeddedPortVariable = (name: string) => `${name.toUpperCase()}_EMBEDDED_DATABASE_PORT`;

/** Where a subgraph's database lives. */
export type DatabaseLocation =
  /**
   * A PostgreSQL server, by connection URL; `migrationUrl`, when given, is the tables' owner, which
   * migrates them, and `url` a role of least privilege the subgraph runs as (see grantRuntimeRole).
   */
  | { kind: 'server'; url: string; migrationUrl?: string }
  /**
   * PostgreSQL compiled to WebAssembly (PGlite) inside this process, served on a loopback port so
   * Prisma talks to it over the same wire protocol and driver adapter as to a server.
   * `dataDir` keeps the data between runs; without it the database lives in memory.
   */
  | { kind: 'embedded'; dataDir?: string; port?: number };

export interface OpenDatabase {
  connectionString: string;
  /** Where migrations run: the owner's connection when one is configured, else `connectionString`. */
  migrationConnectionString: string;
  /** For messages: the URL without password, or the embedded data directory. */
  description: string;
  /** The most connections the subgraph's pool may open; unset means the driver's default. */
  maxPoolSize?: number;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly databaseName: string,
    readonly maskedUrl: string,
    reason: string,
  ) {
    super(`cannot reach the ${databaseName} database at ${maskedUrl}: ${reason}`);
  }
}

// Connections the socket server accepts at once: the subgraph's pool (one connection, see below),
// the migration runner, and a developer's or a test's own client beside them.
const EMBEDDED_MAX_CONNECTIONS = 16;

async function openServer(name: string, url: string, migrationUrl = url): Promise<OpenDatabase> {
  const description = maskPassword(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(name, description, (error as Error).message || String(error));
  } finally {
    await client.end().catch(() => {});
  }
  return { connectionString: url, migrationConnectionString: migrationUrl, description, close: async () => {} };
}

async function openEmbedded(name: string, dataDir: string | undefined, port = 0): Promise<OpenDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  try {
    await socket.start();
  } catch (error) {
    await db.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new PortInUseError(port, embeddedPortVariable(name), `the ${name} subgraph's embedded database`);
  }
  // One session of one user, who also migrates.
  const connectionString = `postgres://postgres@${socket.getServerConn()}/postgres`;
  return {
    connectionString,
    migrationConnectionString: connectionString,
    description: dataDir ? `embedded PostgreSQL in ${dataDir}` : 'embedded PostgreSQL in memory',
    // The socket server interleaves protocol messages of concurrent connections outside
    // transactions, so one client's Parse/Bind/Execute can meet another's ("unnamed prepared
    // statement does not exist"; electric-sql/pglite PR #977). PGlite is one session anyway:
    // one pooled connection loses no parallelism and keeps every statement whole.
    maxPoolSize: 1,
    close: async () => {
      await socket.stop();
      await db.close();
    },
  };
}

export function openDatabase(name: string, location: DatabaseLocation): Promise<OpenDatabase> {
  return location.kind === 'server'
    ? openServer(name, location.url, location.migrationUrl)
    : openEmbedded(name, location.dataDir, location.port);
}
