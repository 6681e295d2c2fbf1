import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Bundle } from '@medplum/fhirtypes';
import { FHIR_BASE_PATH, REQUESTS_PATH, RESET_PATH } from './paths.ts';

export interface FhirStandIn {
  /** The FHIR base URL, e.g. http://127.0.0.1:4104/fhir/R4 */
  url: string;
  /** The bearer token it requires. */
  token: string;
  /** Writes a transaction bundle (the demo patients, a test's records). */
  load(bundle: Bundle): Promise<void>;
  /** Forgets every resource: a test file starts from an empty server. */
  reset(): Promise<void>;
  /** The FHIR requests it has answered so far (a test counts an adapter's calls). */
  requests(): Promise<number>;
  stop(): Promise<void>;
}

const serverEntry = fileURLToPath(new URL('./fhir-server.ts', import.meta.url));

/**
 * Starts the FHIR stand-in as a process of its own and waits until it serves. Loading Medplum's
 * FHIR definitions takes a second or two; on a busy machine more, so there is no deadline here
 * beyond the caller's own.
 */
export async function startFhirStandIn(options: { port?: number; host?: string; token: string }): Promise<FhirStandIn> {
  const host = options.host ?? '127.0.0.1';
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: {
      ...process.env,
      FHIR_STAND_IN_PORT: String(options.port ?? 0),
      FHIR_STAND_IN_HOST: host,
      FHIR_STAND_IN_TOKEN: options.token,
    },
    // The IPC channel ties the stand-in's life to this process: it exits when the channel closes.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`the FHIR stand-in exited (code ${code}) before it served`)));
    child.once('error', reject);
  });
  // Nor does it keep this process alive: a test worker that is done exits, and takes it along.
  child.unref();
  child.channel?.unref();
  (child.stdout as unknown as Socket).unref();
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(origin + path, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Bundle;
    const failed = answer.entry?.filter((entry) => !entry.response?.status?.startsWith('2')) ?? [];
    if (!res.ok || failed.length > 0)
      throw new Error(`the FHIR stand-in refused a write (HTTP ${res.status}): ${JSON.stringify(failed[0] ?? answer)}`);
  };
  return {
    url: origin + FHIR_BASE_PATH,
    token: options.token,
    load: (bundle) => post(`${FHIR_BASE_PATH}/`, bundle),
    reset: () => post(RESET_PATH, {}),
    requests: async () => ((await (await fetch(origin + REQUESTS_PATH)).json()) as { requests: number }).requests,
    stop: async () => {
      if (child.exitCode !== null) return;
      // Held while it stops, so that this process waits for it.
      child.ref();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
