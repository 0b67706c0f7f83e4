import type { RollupFigures } from '@maturity/plugin-maturity-common';

/** A catalog Group as the rollups see it. @public */
export interface GroupNode {
  groupRef: string;
  parentRef: string | null;
  title: string | null;
  type: string | null;
}

/** A group's stored rollup. @public */
export interface StoredRollup {
  groupRef: string;
  figures: RollupFigures;
  computedAt: string;
}

/** @public */
export interface GroupSnapshot {
  day: string;
  level: number;
  figures: RollupFigures;
}

/** Where the group tree and its rollups are kept. @public */
export interface RollupStore {
  replaceGroups(groups: GroupNode[]): Promise<void>;
  listGroups(): Promise<GroupNode[]>;
  /** Replaces every rollup and writes today's group snapshots. */
  writeRollups(rollups: StoredRollup[]): Promise<void>;
  listRollups(): Promise<StoredRollup[]>;
  /** When the rollups were last written (null before the first): a version for caches. */
  latestComputedAt(): Promise<string | null>;
  readGroupSnapshots(
    groupRef: string,
    sinceDay: string,
  ): Promise<GroupSnapshot[]>;
  /** Snapshots of every group on one day, for trends. */
  readSnapshotsOn(day: string): Promise<Map<string, GroupSnapshot>>;
  pruneGroupHistory(beforeDay: string): Promise<number>;
}
