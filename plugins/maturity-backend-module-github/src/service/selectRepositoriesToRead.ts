import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TokenGroup } from '../client/GithubClientPool';
import type { PushProbe } from './PushProbe';
import type { CachedRepository, RepositoryCache } from './RepositoryCache';
import { runLimited } from './runLimited';

/**
 * The repositories of a token group to read this run: never read, refused last time, due
 * for a refresh, or pushed to since their last read (as the owner's listing tells).
 */
export async function selectRepositoriesToRead(
  group: TokenGroup,
  deps: {
    cache: RepositoryCache;
    probe: PushProbe;
    now: number;
    concurrency: number;
    logger: LoggerService;
  },
): Promise<string[]> {
  const { cache, probe, now, logger } = deps;
  const toRead: string[] = [];
  await runLimited(
    [...group.owners],
    deps.concurrency,
    async ([owner, keys]) => {
      // This run's repositories that may keep their last read, if nobody pushed.
      const candidates: string[] = [];
      for (const key of keys) {
        const entry = cache.get(key);
        // Unreadable repositories are asked again every run: it costs a share of one
        // query, and access that is granted shows up at once.
        if (
          !entry ||
          entry.denied ||
          entry.changed ||
          entry.refreshDueAt <= now
        ) {
          toRead.push(key);
        } else {
          candidates.push(key);
        }
      }
      if (candidates.length === 0) return;
      // The listing is compared with every cached repository of the owner, not only this
      // run's: with shards, another shard reads next, and after a 304 it would have
      // nothing left to compare against.
      const known = new Map<string, string | null>();
      let ownerType: CachedRepository['ownerType'] = 'Organization';
      let readSince = now;
      for (const [key, entry] of cache.entriesOf(owner)) {
        if (entry.denied) continue;
        known.set(key, entry.pushedAt);
        ownerType = entry.ownerType;
        readSince = Math.min(readSince, entry.fetchedAt);
      }
      const changed = await probe.changed(
        group.client,
        owner,
        ownerType,
        known,
        readSince,
      );
      if (!changed) {
        logger.warn(
          `Could not list ${owner}'s repositories to find pushes; reading ${candidates.length} again`,
        );
        toRead.push(...candidates);
        return;
      }
      for (const key of changed) cache.markChanged(key);
      toRead.push(...candidates.filter(key => cache.get(key)?.changed));
    },
  );
  return toRead.sort();
}
