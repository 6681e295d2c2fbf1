/**
 * Round-robin TCP balancers, as a platform's services in front of replicas: each connection goes to
 * the next backend in turn. `node --import tsx bench/deployed/balancer.ts <port>[,<port>…] …`
 * listens once for each group of backends and prints `listening <port> …`, in the same order.
 */
import { connect, createServer, type AddressInfo } from 'node:net';

const listening = process.argv.slice(2).map(async (group) => {
  const backends = group.split(',').map(Number);
  let next = 0;
  const server = createServer((client) => {
    const upstream = connect(backends[next++ % backends.length], '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
});
console.log(`listening ${(await Promise.all(listening)).join(' ')}`);
process.on('disconnect', () => process.exit(0));
