import type { Redis } from 'ioredis';
import type { Logger } from '../observability/logger';

export type ChannelHandler = (message: string) => void;

/**
 * Redis pub/sub between processes. Publishing goes over the process's shared connection; listening
 * needs a connection of its own (one in subscribe mode can run no other command), opened on the
 * first listener and shared by all of them. A channel stays subscribed while anyone in this
 * process listens to it, so each replica receives only the tenants its own clients watch.
 * Delivery is at most once: a message published while a replica is disconnected is lost to it.
 */
export class RedisChannels {
  private sub: Redis | null = null;
  private closed = false;
  private readonly handlers = new Map<string, Set<ChannelHandler>>();
  /** the SUBSCRIBE of each channel, so a second listener does not start before the first is live */
  private readonly subscribed = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pub: Redis,
    private readonly log: Logger,
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.pub.publish(channel, message);
  }

  /** Calls `handler` with each message on `channel` until the returned function is called. */
  async listen(channel: string, handler: ChannelHandler): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('realtime channels are closed');
    const sub = this.connection();
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.subscribed.set(channel, sub.subscribe(channel));
    }
    set.add(handler);
    try {
      await this.subscribed.get(channel);
    } catch (e) {
      await this.leave(channel, handler);
      throw e;
    }
    return () => this.leave(channel, handler);
  }

  /** How many listeners this process has on `channel` (diagnostics, and tests waiting for a subscriber). */
  listeners(channel: string): number {
    return this.handlers.get(channel)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.subscribed.clear();
    const sub = this.sub;
    this.sub = null;
    await sub?.quit().catch(() => undefined);
  }

  private async leave(channel: string, handler: ChannelHandler): Promise<void> {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size) return;
    this.handlers.delete(channel);
    this.subscribed.delete(channel);
    // Commands on one connection run in order: a later SUBSCRIBE of the same channel wins.
    await this.sub?.unsubscribe(channel).catch((err: unknown) => this.log.warn({ err, channel }, 'unsubscribe failed'));
  }

  private connection(): Redis {
    if (this.sub) return this.sub;
    // No ready check: ioredis writes SUBSCRIBE (a command allowed while Redis loads) as soon as
    // the socket connects, before the ready check's INFO, which Redis then refuses on a connection
    // in subscriber mode, failing every listen() that raced it (seen as INTERNAL_SERVER_ERROR on
    // boardEvents). A subscriber has no use for the check: it reads no data.
    const sub = this.pub.duplicate({ enableReadyCheck: false });
    sub.on('message', (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) {
        try {
          h(message);
        } catch (err) {
          this.log.error({ err, channel }, 'realtime handler failed');
        }
      }
    });
    // ioredis reconnects and resubscribes by itself; without a listener an error event would crash the process.
    sub.on('error', (err: unknown) => this.log.warn({ err }, 'realtime subscriber connection error'));
    this.sub = sub;
    return sub;
  }
}
