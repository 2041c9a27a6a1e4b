// A TCP proxy in front of the test's PostgreSQL that can stop forwarding while keeping every
// connection open: the database as a frozen server or a network black hole looks to the app,
// without touching the shared server.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Stops forwarding: bytes already sent wait, new connections are accepted and left hanging. */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let frozen = false;
  const pairs = new Set<{ client: net.Socket; server?: net.Socket }>();
  const waiting: (() => void)[] = [];

  const connectUpstream = (pair: { client: net.Socket; server?: net.Socket }) => {
    const server = net.connect(target.port, target.host);
    pair.server = server;
    pair.client.pipe(server);
    server.pipe(pair.client);
    const end = () => {
      pair.client.destroy();
      server.destroy();
      pairs.delete(pair);
    };
    server.on('error', end).on('close', end);
    pair.client.on('error', end).on('close', end);
  };

  const proxy = net.createServer((client) => {
    const pair: { client: net.Socket; server?: net.Socket } = { client };
    pairs.add(pair);
    if (frozen) {
      client.pause();
      waiting.push(() => connectUpstream(pair));
    } else connectUpstream(pair);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    freeze() {
      frozen = true;
      for (const { client, server } of pairs) {
        if (!server) continue;
        client.unpipe(server);
        server.unpipe(client);
        client.pause();
        server.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const { client, server } of pairs) {
        if (!server) continue;
        client.pipe(server);
        server.pipe(client);
      }
      for (const connect of waiting.splice(0)) connect();
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server?.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
