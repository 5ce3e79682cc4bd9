import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireRole, type RequestContext } from '../../core/graphql/context';
import { QUEUES } from '../../core/queue/queues';
import { within } from '../../core/errors/unavailable';
import { QueueStatusType } from './queue-admin.type';

/** The queue dashboard for platform admins: counts, schedulers and recent failures per queue. */
@Resolver()
export class QueueAdminResolver {
  @Query(() => [QueueStatusType], { description: 'Platform admins: the state of every job queue' })
  async queueStatus(
    @Ctx() ctx: RequestContext,
    @Arg('failures', () => Int, { defaultValue: 10, description: 'Recent failures per queue, at most 50' })
    failures: number,
  ) {
    requireRole(ctx, 'platform-admin');
    const client = ctx.services.queues;
    if (!client) return [];
    const n = Math.max(0, Math.min(50, failures));
    // Redis calls wait for a reconnect; during an outage the dashboard answers 503 instead of hanging.
    return within(
      5000,
      'redis',
      'queue status',
      Promise.all(
        Object.values(QUEUES).map(async (name) => {
          const q = client.queue(name);
          const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
          const failed = n ? await q.getFailed(0, n - 1) : [];
          return Object.assign(new QueueStatusType(), {
            name,
            waiting: counts['waiting'] ?? 0,
            active: counts['active'] ?? 0,
            delayed: counts['delayed'] ?? 0,
            failed: counts['failed'] ?? 0,
            paused: await q.isPaused(),
            schedulers: (await q.getJobSchedulers()).map((s) => s.key),
            recentFailures: failed.map((j) => ({
              jobId: j.id ?? '',
              name: j.name,
              failedReason: j.failedReason ?? '',
              attemptsMade: j.attemptsMade,
              finishedAt: j.finishedOn ? new Date(j.finishedOn) : null,
            })),
          });
        }),
      ),
    );
  }
}
