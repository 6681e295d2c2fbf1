import type { Server } from 'node:http';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly portVariable: string,
    readonly service: string,
  ) {
    super(`${service} cannot listen on port ${port}: it is already in use. Set ${portVariable} to a free port.`);
  }
}

/** Listens on loopback or all interfaces; turns EADDRINUSE into a message that names the variable to change. */
export function listen(server: Server, options: { port: number; host?: string; portVariable: string; service: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port, options.portVariable, options.service) : error);
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : options.port);
    });
  });
}
