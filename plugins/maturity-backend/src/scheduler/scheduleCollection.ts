import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { CollectionRunner } from '../service/CollectionRunner';
import { CatalogSettling } from './CatalogSettling';

/** How soon to look again while the catalog is still filling up after start-up. */
export const SETTLE_RETRY_MS = 15_000;

export function collectionTaskId(index: number, count: number): string {
  return `maturity:collect:shard-${index + 1}-of-${count}`;
}

/**
 * One global task per shard (`scope: 'global'`): the scheduler's database lock lets
 * exactly one backend replica run each shard each period, so several replicas share the
 * work and none is duplicated. The first run starts right after start-up (after
 * `initialDelay`), so a new install fills within a minute.
 */
export async function scheduleCollection(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  shards: number;
  runner: CollectionRunner;
  logger: LoggerService;
  /** For tests: the clock and the follow-up delay. */
  now?: () => number;
  settleRetryMs?: number;
}): Promise<string[]> {
  const { scheduler, schedule, shards, runner, logger } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const ids: string[] = [];
  for (let index = 0; index < shards; index++) {
    const id = collectionTaskId(index, shards);
    ids.push(id);
    const settling = new CatalogSettling(startedAt);
    await scheduler.scheduleTask({
      id,
      scope: 'global',
      ...schedule,
      fn: async signal => {
        const taskLogger = logger.child({ taskId: id });
        try {
          const summary = await runner.runCycle(signal as AbortSignal, {
            index,
            count: shards,
          });
          if (settling.stillFilling(summary, now())) {
            // Right after start-up the catalog is still ingesting (Components before
            // their Groups, or nothing yet): rather than leave a half-built rollup for a
            // whole period, look again shortly. triggerTask is a no-op while a run is on.
            setTimeout(() => {
              scheduler.triggerTask(id).catch(() => {});
            }, options.settleRetryMs ?? SETTLE_RETRY_MS).unref();
          }
        } catch (error) {
          taskLogger.error(
            `Maturity collection failed: ${(error as Error).message}`,
          );
          throw error;
        }
      },
    });
  }
  return ids;
}
