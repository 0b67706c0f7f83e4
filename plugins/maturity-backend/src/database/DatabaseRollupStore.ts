import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { yieldToEventLoop } from './yieldToEventLoop';
import type {
  GroupNode,
  GroupSnapshot,
  RollupStore,
  StoredRollup,
} from './RollupStore';

interface GroupRow {
  group_ref: string;
  parent_ref: string | null;
  title: string | null;
  type: string | null;
}
interface RollupRow {
  group_ref: string;
  level: number;
  figures: string;
  computed_at: string;
}
interface GroupSnapshotRow {
  group_ref: string;
  day: string;
  level: number;
  figures: string;
}

const BATCH = 100;

/**
 * knex-backed {@link RollupStore}. Shares the plugin's database with
 * DatabaseMaturityStore, which runs the migrations.
 * @public
 */
export class DatabaseRollupStore implements RollupStore {
  static async create(options: { database: DatabaseService }) {
    return new DatabaseRollupStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  async replaceGroups(groups: GroupNode[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('maturity_groups').delete();
      for (let i = 0; i < groups.length; i += BATCH) {
        await tx<GroupRow>('maturity_groups').insert(
          groups.slice(i, i + BATCH).map(g => ({
            group_ref: g.groupRef,
            parent_ref: g.parentRef,
            title: g.title,
            type: g.type,
          })),
        );
      }
    });
  }

  async listGroups(): Promise<GroupNode[]> {
    const rows = await this.db<GroupRow>('maturity_groups').orderBy(
      'group_ref',
    );
    return rows.map(r => ({
      groupRef: r.group_ref,
      parentRef: r.parent_ref,
      title: r.title,
      type: r.type,
    }));
  }

  async writeRollups(rollups: StoredRollup[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('maturity_group_rollups').delete();
      for (let i = 0; i < rollups.length; i += BATCH) {
        const batch = rollups.slice(i, i + BATCH);
        await tx<RollupRow>('maturity_group_rollups').insert(
          batch.map(r => ({
            group_ref: r.groupRef,
            level: r.figures.level,
            figures: JSON.stringify(r.figures),
            computed_at: r.computedAt,
          })),
        );
        await tx<GroupSnapshotRow>('maturity_group_snapshots')
          .insert(
            batch.map(r => ({
              group_ref: r.groupRef,
              day: r.computedAt.slice(0, 10),
              level: r.figures.level,
              figures: JSON.stringify(r.figures),
            })),
          )
          .onConflict(['group_ref', 'day'])
          .merge();
        await yieldToEventLoop();
      }
    });
  }

  async listRollups(): Promise<StoredRollup[]> {
    const rows = await this.db<RollupRow>('maturity_group_rollups');
    return rows.map(r => ({
      groupRef: r.group_ref,
      figures: JSON.parse(r.figures),
      computedAt: r.computed_at,
    }));
  }

  async latestComputedAt(): Promise<string | null> {
    const [row] = await this.db<RollupRow>('maturity_group_rollups').max({
      at: 'computed_at',
    });
    return (row?.at as string | undefined) ?? null;
  }

  async readGroupSnapshots(
    groupRef: string,
    sinceDay: string,
  ): Promise<GroupSnapshot[]> {
    const rows = await this.db<GroupSnapshotRow>('maturity_group_snapshots')
      .where({ group_ref: groupRef })
      .andWhere('day', '>=', sinceDay)
      .orderBy('day');
    return rows.map(toSnapshot);
  }

  async readSnapshotsOn(day: string): Promise<Map<string, GroupSnapshot>> {
    const rows = await this.db<GroupSnapshotRow>(
      'maturity_group_snapshots',
    ).where({ day });
    return new Map(rows.map(r => [r.group_ref, toSnapshot(r)]));
  }

  async pruneGroupHistory(beforeDay: string): Promise<number> {
    return this.db('maturity_group_snapshots')
      .where('day', '<', beforeDay)
      .delete();
  }
}

function toSnapshot(row: GroupSnapshotRow): GroupSnapshot {
  return {
    day: row.day,
    level: Number(row.level),
    figures: JSON.parse(row.figures),
  };
}
