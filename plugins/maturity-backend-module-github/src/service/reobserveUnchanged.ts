import type { FactCollectionContext } from '@maturity/plugin-maturity-node';
import type { FactOrigins } from './FactOrigins';
import type { LinkedRepositories } from './projectSlugs';
import type { RepositoryCache } from './RepositoryCache';

/**
 * Re-observes the stored facts of the entities of repositories kept from an earlier read
 * (cached and not read in this run), and answers the repositories that must be read after
 * all: those with an entity whose stored facts are not that read's (see FactOrigins), or
 * of which the backend has none (its rows were removed while it was out of the catalog).
 * A repository read is handed to all its entities, so one that must be read re-observes
 * none of them.
 */
export async function reobserveUnchanged(
  repositories: LinkedRepositories['repositories'],
  reading: ReadonlySet<string>,
  deps: {
    cache: RepositoryCache;
    origins: FactOrigins;
    reobserveFacts: FactCollectionContext['reobserveFacts'];
  },
): Promise<{ reobserved: number; toRead: Set<string> }> {
  const toRead = new Set<string>();
  /** Entity ref → its repository, for the entities to re-observe. */
  const keyOf = new Map<string, string>();
  for (const [key, { entityRefs }] of repositories) {
    const read = deps.cache.get(key);
    if (!read || reading.has(key)) continue;
    if (!entityRefs.every(ref => deps.origins.holds(ref, read))) {
      toRead.add(key);
      continue;
    }
    for (const ref of entityRefs) keyOf.set(ref, key);
  }
  if (keyOf.size === 0) return { reobserved: 0, toRead };
  const missing = await deps.reobserveFacts([...keyOf.keys()]);
  for (const ref of missing) {
    const key = keyOf.get(ref);
    if (key) toRead.add(key);
  }
  return { reobserved: keyOf.size - missing.length, toRead };
}
