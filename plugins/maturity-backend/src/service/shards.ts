import { createHash } from 'node:crypto';

/**
 * Which shard an entity belongs to: a stable hash of its ref, so an entity stays in its
 * shard across runs and replicas, whatever order the catalog lists entities in.
 */
export function shardOf(entityRef: string, shards: number): number {
  if (shards <= 1) return 0;
  return createHash('sha1').update(entityRef).digest().readUInt32BE(0) % shards;
}
