import net from 'node:net';

/**
 * A TCP proxy between the app and a shared server (PostgreSQL, Redis) that a test can stop or
 * freeze without touching the server other tests use:
 * - `cut()`: the server is "stopped": open connections are reset and the port refuses new ones;
 * - `pause()`: the server is "frozen": connections are accepted and bytes are held in both
 *   directions until `resume()` delivers them in order;
 * - `restore()` after a cut listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's */
  via(url: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

interface Held {
  to: net.Socket;
  chunk: Buffer;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const targetHost = target.hostname;
  const sockets = new Set<net.Socket>();
  let paused = false;
  let held: Held[] = [];

  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (paused) held.push({ to, chunk });
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const onConnection = (client: net.Socket) => {
    const upstream = net.connect({ host: targetHost, port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    forward(client, upstream);
    forward(upstream, client);
  };

  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);

  const destroyAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    held = [];
  };

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async cut() {
      paused = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        destroyAll();
      });
    },
    async restore() {
      server = net.createServer(onConnection);
      await listen(port);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const pending = held;
      held = [];
      for (const { to, chunk } of pending) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        destroyAll();
      });
    },
  };
}
