import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_PATH, createSs12000App, type RecordedRequest } from './app.ts';
import { createSs12000Store, type Ss12000Data, type Ss12000Store } from './store.ts';

export interface Ss12000StandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The bearer token every request must carry. */
  token: string;
  data?: Ss12000Data;
  /**
   * Most items on one page, whatever `limit` asks for: the standard lets a server return fewer, so a
   * client must follow `pageToken`. Default 100.
   */
  maxPageSize?: number;
  /** Most values one lookup may name; more answer 503 (`503_overload`). Default: no limit. */
  maxLookupSize?: number;
  /** Wait this long before answering (a slow source system). Default 0. */
  responseDelayMs?: number;
  /** Stamps `meta.created`/`meta.modified`. */
  clock?: () => Date;
}

export interface Ss12000StandIn {
  /** The SS 12000 server URL, e.g. http://127.0.0.1:41234/v2.0 */
  url: string;
  /** The bearer token it requires. */
  token: string;
  /** The data it serves; add to it at run time (`store.addPerson(…)`, `store.add(data)`, `store.clear()`). */
  store: Ss12000Store;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  setResponseDelay(ms: number): void;
  stop(): Promise<void>;
}

/**
 * Starts a local stand-in for a student information system's SS 12000 API: real HTTP, in this
 * process, serving `data` from memory. See `schemas/index.ts` for what of the standard it speaks.
 */
export async function startSs12000StandIn(options: Ss12000StandInOptions): Promise<Ss12000StandIn> {
  const store = createSs12000Store(options.data, options.clock);
  const requests: RecordedRequest[] = [];
  let responseDelayMs = options.responseDelayMs ?? 0;
  const stopping = new AbortController();
  const app = createSs12000App({
    token: options.token,
    store,
    requests,
    responseDelayMs: () => responseDelayMs,
    stopping: stopping.signal,
    maxPageSize: options.maxPageSize ?? 100,
    maxLookupSize: options.maxLookupSize ?? Infinity,
  });
  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${BASE_PATH}`,
    token: options.token,
    store,
    requests,
    clearRequests: () => void requests.splice(0),
    setResponseDelay: (ms) => void (responseDelayMs = ms),
    async stop() {
      stopping.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
