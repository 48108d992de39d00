import { createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy of the test's own in front of a server (Postgres), that can turn into a black
 * hole: nothing is forwarded and nothing read any more, and no socket is closed, so the client
 * sees a network that drops packets (no reset, no error, just silence), not a server that is
 * down. Connections made meanwhile are accepted and left waiting. `forward()` lets everything
 * through again: what was held back flows on, and closes on either side reach the other.
 */
export interface BlackHoleProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  blackHole(): void;
  forward(): void;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  upstream: Socket | null;
}

export async function startBlackHoleProxy(target: {
  host: string;
  port: number;
}): Promise<BlackHoleProxy> {
  const pairs = new Set<Pair>();
  let silent = false;

  const hangUp = (pair: Pair) => {
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };
  /** A close on one side reaches the other only while packets flow. */
  const closedSide = (pair: Pair) => {
    if (!silent) hangUp(pair);
  };
  const connectUpstream = (pair: Pair) => {
    const upstream = new Socket();
    pair.upstream = upstream;
    upstream.on('data', (chunk) => pair.client.write(chunk));
    upstream.on('close', () => closedSide(pair));
    upstream.on('error', () => undefined);
    upstream.connect(target.port, target.host, () => {
      if (silent) upstream.pause();
      else pair.client.resume();
    });
  };

  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: null };
    pairs.add(pair);
    client.pause();
    client.on('data', (chunk) => pair.upstream?.write(chunk));
    client.on('close', () => closedSide(pair));
    client.on('error', () => undefined);
    if (!silent) connectUpstream(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    via(url: string) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    blackHole() {
      silent = true;
      for (const pair of pairs) {
        pair.client.pause();
        pair.upstream?.pause();
      }
    },
    forward() {
      silent = false;
      for (const pair of [...pairs]) {
        if (pair.client.destroyed || pair.upstream?.destroyed) {
          hangUp(pair);
        } else if (pair.upstream === null) {
          connectUpstream(pair);
        } else {
          pair.client.resume();
          pair.upstream.resume();
        }
      }
    },
    async close() {
      for (const pair of [...pairs]) hangUp(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
