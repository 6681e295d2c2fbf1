import type { Server } from 'node:http';

/**
 * Stops accepting connections and waits for in-flight requests to finish; after `timeoutMs`
 * the remaining connections are cut so shutdown cannot hang forever.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const forceTimer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    forceTimer.unref();
    server.close(() => {
      clearTimeout(forceTimer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs `stop` once on the first SIGINT or SIGTERM, then exits. */
export function stopOnSignals(stop: () => Promise<void>, log: (message: string) => void = console.log): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing in-flight requests and closing databases`);
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
