/**
 * Preloaded into a process under test (`node --import tsx --import ./test/support/record-connections.ts`):
 * appends every outbound connection attempt (TCP and TLS, UDP, host-name lookups) to the file named
 * by RECORD_CONNECTIONS_TO, one JSON line each, before the attempt is made.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const file = process.env.RECORD_CONNECTIONS_TO;
if (!file) throw new Error('RECORD_CONNECTIONS_TO is not set');
const record = (attempt: { kind: string; host?: string; port?: unknown }) =>
  appendFileSync(file, `${JSON.stringify(attempt)}\n`);

type Target = { host?: string; port?: unknown; path?: string };

const socketConnect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  // Node passes already-normalised arguments as an array; callers pass (options), (port, host) or (path).
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const target: Target =
    typeof first === 'object' && first !== null
      ? (first as Target)
      : typeof first === 'string'
        ? { path: first }
        : { port: first, host: second as string };
  if (target.path === undefined) record({ kind: 'tcp', host: target.host ?? 'localhost', port: target.port });
  return socketConnect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function (hostname: string, ...rest: unknown[]) {
  record({ kind: 'dns', host: hostname });
  return (lookup as (...args: unknown[]) => unknown)(hostname, ...rest);
} as typeof dns.lookup;
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = ((hostname: string, ...rest: unknown[]) => {
  record({ kind: 'dns', host: hostname });
  return (lookupPromise as (...args: unknown[]) => unknown)(hostname, ...rest);
}) as typeof dns.promises.lookup;

const udpSend = dgram.Socket.prototype.send as (...args: unknown[]) => void;
dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
  const address = args.find((arg, i) => i > 0 && typeof arg === 'string');
  record({ kind: 'udp', host: (address as string | undefined) ?? 'connected socket' });
  return udpSend.apply(this, args);
} as typeof dgram.Socket.prototype.send;
