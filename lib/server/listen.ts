import { createServer, type Server } from 'node:http';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly portVariable: string,
    readonly service: string,
  ) {
    super(`${service} cannot listen on port ${port}: it is already in use. Set ${portVariable} to a free port.`);
  }
}

/** A port a service listens on, and the variable that moves it. */
export interface PortClaim {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  portVariable: string;
  service: string;
}

/** Listens on loopback or all interfaces; turns EADDRINUSE into a message that names the variable to change. */
export function listen(server: Server, claim: PortClaim): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(claim.port, claim.portVariable, claim.service) : error);
    };
    server.once('error', onError);
    server.listen(claim.port, claim.host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : claim.port);
    });
  });
}

/**
 * Fails fast, before any database is opened, when a port is taken: listens on each port for an
 * instant and lets go.
 */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  for (const claim of claims.filter(({ port }) => port !== 0)) {
    const probe = createServer();
    await listen(probe, claim);
    await new Promise((resolve) => probe.close(resolve));
  }
}
