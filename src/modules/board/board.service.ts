import { ancestorIdsSql } from '../../core/db/tree-sql';
import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import type { TenantScope } from '../../core/tenancy/scope';
import { RedisChannels } from '../../core/realtime/redis-channels';
import type { Logger } from '../../core/observability/logger';
import type { CaseEntity, CaseEventEntity } from '../case/case.entity';
import { boardEventsOf, matchesFilter, parseBoardMessage, type BoardEvent, type BoardFilter } from './board.events';

export interface RealtimeOptions {
  /** the process's shared connection: board events are published on it */
  redis: Redis;
  /** REDIS_PREFIX: channels are `<prefix>:board:<tenantId>` */
  prefix: string;
  log: Logger;
}

/**
 * A subscriber that falls this far behind loses the oldest events rather than growing without
 * bound; a board refetches its rows over HTTP anyway when it (re)connects.
 */
const SUBSCRIBER_BUFFER = 256;

/**
 * Live board events: a case step's events are published after its unit of work commits (a
 * request's, a job's or a hand-off's: TenantScope.afterCommit) on the tenant's Redis channel, so every API replica's subscribers see changes made
 * anywhere. Subscribers listen on their own tenant's channel only.
 */
export class BoardService {
  private readonly channels: RedisChannels | null;

  constructor(private readonly realtime: RealtimeOptions | null) {
    this.channels = realtime ? new RedisChannels(realtime.redis, realtime.log) : null;
  }

  channel(tenantId: string): string {
    return `${this.realtime?.prefix ?? 'onedoor'}:board:${tenantId}`;
  }

  /** The case workflow's listener: runs inside the step's transaction, publishes after it commits. */
  async record(scope: TenantScope, c: CaseEntity, events: CaseEventEntity[]): Promise<void> {
    const channels = this.channels;
    if (!channels || !events.length) return;
    const message = JSON.stringify({
      tenantId: scope.tenant.id,
      events: boardEventsOf(c, events, await this.unitPath(scope, c.orgUnitId)),
    });
    const channel = this.channel(scope.tenant.id);
    // Not awaited: ioredis queues commands while Redis is away, and a live update is not worth
    // holding a response or a job for. Commands on one connection keep their order.
    scope.afterCommit(async () => {
      channels
        .publish(channel, message)
        .catch((err: unknown) =>
          this.realtime?.log.warn({ err, tenantId: scope.tenant.id }, 'board event not published'),
        );
    });
  }

  /** The tenant's board events that pass `filter`, until the iterator is returned. */
  subscribe(tenantId: string, filter: BoardFilter): AsyncIterableIterator<BoardEvent> {
    const channels = this.channels;
    if (!channels) throw new Error('live updates need Redis (ServiceOptions.realtime)');
    const log = this.realtime!.log;
    return new Repeater<BoardEvent>(async (push, stop) => {
      const leave = await channels.listen(this.channel(tenantId), (raw) => {
        const msg = parseBoardMessage(raw);
        // The channel is the tenant's; a message naming another tenant is a bug, never delivered.
        if (!msg || msg.tenantId !== tenantId) {
          log.error({ tenantId }, 'malformed or foreign board message dropped');
          return;
        }
        for (const e of msg.events) if (matchesFilter(e, filter)) void push(e);
      });
      await stop;
      await leave();
    }, new SlidingBuffer(SUBSCRIBER_BUFFER));
  }

  /** Subscribers to the tenant's board in this process. */
  subscribers(tenantId: string): number {
    return this.channels?.listeners(this.channel(tenantId)) ?? 0;
  }

  async close(): Promise<void> {
    await this.channels?.close();
  }

  /** The unit and its ancestors, nearest first (the tree is shallow: center, sub-center, station, grid). */
  private async unitPath(scope: TenantScope, orgUnitId: string | null): Promise<string[]> {
    if (!orgUnitId) return [];
    const path = ancestorIdsSql('org_units', scope.tenant.id, orgUnitId);
    const rows = await scope.em.execute<{ id: string }[]>(`select id from ${path.sql} p`, path.params);
    return rows.map((r) => r.id);
  }
}
