import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { CheckResult, Fact } from '@maturity/plugin-maturity-common';
import type {
  EncodedEntityEvaluation,
  EncodedLevelChange,
  EntityEvaluation,
  LevelChange,
  MaturityStore,
  SourceRun,
  StoredPlacement,
} from './MaturityStore';
import {
  changeToRow,
  rowToChange,
  rowToSnapshot,
  type ChangeRow,
  type SnapshotRow,
  factToRow,
  placementToRow,
  resultsToRow,
  rowToFact,
  rowToPlacement,
  rowToResults,
  rowToRun,
  type FactRow,
  type PlacementRow,
  type EntityResultsRow,
  type RunRow,
} from './rows';
import { factChanges } from './factChanges';
import { joinFactValues, needsFacts } from './storedValues';
import { readPackedFacts } from './readPackedFacts';
import { upsertRows } from './upsertRows';
import { configureSqlite } from './configureSqlite';
import { yieldToEventLoop } from './yieldToEventLoop';

const migrationsDir = resolvePackagePath(
  '@maturity/plugin-maturity-backend',
  'migrations',
);

// Small enough to stay under SQLite's bound-parameter limit with every column bound.
const BATCH = 100;
/** Placements read per query when listing them all (see listPlacements). */
const PLACEMENT_PAGE = 2_000;
const ENTITY_TABLES = [
  'maturity_facts',
  'maturity_entity_results',
  'maturity_placements',
  'maturity_entity_snapshots',
  'maturity_level_changes',
] as const;

/** knex-backed {@link MaturityStore} for SQLite and PostgreSQL. @public */
export class DatabaseMaturityStore implements MaturityStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseMaturityStore> {
    const client = await options.database.getClient();
    await configureSqlite(client);
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseMaturityStore(client);
  }

  /** Exposed for tests that walk migrations. */
  static readonly migrationsDir = migrationsDir;

  private constructor(private readonly db: Knex) {}

  async upsertFacts(facts: Fact[]): Promise<void> {
    if (facts.length === 0) return;
    await this.db.transaction(async tx => {
      // Rows are made a batch at a time: a source's facts as JSON text all at once would
      // be a second copy of everything it collected.
      for (const part of chunks(facts, BATCH)) {
        const batch = part.map(factToRow);
        // Most facts are the same as last run: rewriting them would cost as much as the
        // whole collection on a warm run. Unchanged ones only get the new observation.
        const stored = await tx<FactRow>('maturity_facts')
          .whereIn(
            ['entity_ref', 'name'],
            batch.map(r => [r.entity_ref, r.name]),
          )
          .select('entity_ref', 'name', 'value', 'source', 'problem');
        const { changed, reobserved } = factChanges(batch, stored);
        if (changed.length > 0) {
          await upsertRows(tx, 'maturity_facts', changed, [
            'entity_ref',
            'name',
          ]);
        }
        for (const rows of reobserved) {
          await tx<FactRow>('maturity_facts')
            .whereIn(
              ['entity_ref', 'name'],
              rows.map(r => [r.entity_ref, r.name]),
            )
            .update({
              observed_at: rows[0].observed_at,
              run_id: rows[0].run_id,
            });
        }
        await yieldToEventLoop();
      }
    });
  }

  async reobserveFacts(
    source: string,
    entityRefs: string[],
    observation: { observedAt: string; runId: string },
  ): Promise<string[]> {
    const missing: string[] = [];
    // A transaction per batch, not one for the run: a warm run re-observes most of the
    // catalog's facts, and one transaction held SQLite's write lock throughout and grew
    // the write-ahead log by the whole update (~50 MB at 10,000 services).
    for (const batch of chunks([...new Set(entityRefs)], 500)) {
      await this.db.transaction(async tx => {
        // Asked first: an UPDATE answers how many rows it changed, not whose.
        const rows: Pick<FactRow, 'entity_ref'>[] = await tx<FactRow>(
          'maturity_facts',
        )
          .distinct('entity_ref')
          .where({ source })
          .whereIn('entity_ref', batch);
        const held = new Set(rows.map(r => r.entity_ref));
        missing.push(...batch.filter(ref => !held.has(ref)));
        if (held.size > 0) {
          await tx<FactRow>('maturity_facts')
            .where({ source })
            .whereIn('entity_ref', [...held])
            .update({
              observed_at: observation.observedAt,
              run_id: observation.runId,
            });
        }
      });
      await yieldToEventLoop();
    }
    return missing;
  }

  async readFacts(entityRefs: string[]) {
    const byEntity = new Map<string, Map<string, Fact>>();
    for (const row of await this.readFactRows(entityRefs)) {
      let facts = byEntity.get(row.entity_ref);
      if (!facts) byEntity.set(row.entity_ref, (facts = new Map()));
      facts.set(row.name, rowToFact(row));
    }
    return byEntity;
  }

  async readPackedFacts(entityRefs: string[]) {
    const packed = new Map<string, string>();
    for (const batch of chunks(entityRefs, 500)) {
      const read = await readPackedFacts(this.db, batch, refs =>
        this.readFactRows(refs),
      );
      for (const [ref, facts] of read) {
        packed.set(ref, facts);
      }
    }
    return packed;
  }

  private async readFactRows(entityRefs: readonly string[]) {
    const rows: FactRow[] = [];
    for (const batch of chunks(entityRefs, 500)) {
      const batchRows: FactRow[] = await this.db<FactRow>(
        'maturity_facts',
      ).whereIn('entity_ref', batch);
      // Not push(...batchRows): an argument per row overflows the stack for large batches.
      for (const row of batchRows) rows.push(row);
    }
    return rows;
  }

  async removeEntitiesNotIn(entityRefs: string[]): Promise<number> {
    const keep = new Set(entityRefs);
    const stored = new Set<string>();
    for (const table of ENTITY_TABLES) {
      const rows = await this.db(table).distinct('entity_ref');
      rows.forEach((r: { entity_ref: string }) => stored.add(r.entity_ref));
      await yieldToEventLoop();
    }
    const gone = [...stored].filter(ref => !keep.has(ref));
    await this.db.transaction(async tx => {
      for (const batch of chunks(gone, 500)) {
        for (const table of ENTITY_TABLES) {
          await tx(table).whereIn('entity_ref', batch).delete();
        }
      }
    });
    return gone.length;
  }

  async startRun(source: string, startedAt: Date): Promise<string> {
    const id = randomUUID();
    await this.db<RunRow>('maturity_source_runs').insert({
      id,
      source,
      status: 'running',
      started_at: startedAt.toISOString(),
      entities: 0,
      requests: 0,
    });
    return id;
  }

  async finishRun(
    id: string,
    outcome: Pick<SourceRun, 'status' | 'entities' | 'requests' | 'error'> & {
      finishedAt: Date;
    },
  ): Promise<void> {
    await this.db<RunRow>('maturity_source_runs').where({ id }).update({
      status: outcome.status,
      entities: outcome.entities,
      requests: outcome.requests,
      error: outcome.error,
      finished_at: outcome.finishedAt.toISOString(),
    });
  }

  async listRuns(options: {
    source?: string;
    limit: number;
  }): Promise<SourceRun[]> {
    const query = this.db<RunRow>('maturity_source_runs')
      .orderBy('started_at', 'desc')
      .limit(options.limit);
    if (options.source) query.where({ source: options.source });
    return (await query).map(rowToRun);
  }

  async readPlacements(entityRefs: string[]) {
    const placements = new Map<string, StoredPlacement>();
    for (const batch of chunks(entityRefs, 500)) {
      const rows = await this.db<PlacementRow>('maturity_placements').whereIn(
        'entity_ref',
        batch,
      );
      rows.forEach(row => placements.set(row.entity_ref, rowToPlacement(row)));
    }
    return placements;
  }

  async listPlacements(): Promise<StoredPlacement[]> {
    // A page at a time with a turn of the event loop between pages: SQLite answers
    // synchronously, and one query over every placement (with its details to parse) held
    // every request for ~85 ms at 10,000 services and five times that at 50,000. Pages
    // read while an evaluation writes may mix before and after; the recompute that
    // follows every write reads them again.
    const placements: StoredPlacement[] = [];
    let after: string | undefined;
    for (;;) {
      const page = this.db<PlacementRow>('maturity_placements')
        .orderBy('entity_ref')
        .limit(PLACEMENT_PAGE);
      if (after !== undefined) page.where('entity_ref', '>', after);
      const rows = await page;
      for (const row of rows) placements.push(rowToPlacement(row));
      if (rows.length < PLACEMENT_PAGE) return placements;
      after = rows[rows.length - 1].entity_ref;
      await yieldToEventLoop();
    }
  }

  async countResultStates() {
    const counts = new Map<string, Record<string, number>>();
    const rows: Pick<EntityResultsRow, 'states'>[] = await this.db(
      'maturity_entity_results',
    ).select('states');
    for (const row of rows) {
      for (const [checkId, state] of Object.entries(
        JSON.parse(row.states) as Record<string, string>,
      )) {
        const byState = counts.get(checkId) ?? {};
        byState[state] = (byState[state] ?? 0) + 1;
        counts.set(checkId, byState);
      }
    }
    return counts;
  }

  async readResults(entityRefs: string[]) {
    const results = new Map<string, CheckResult[]>();
    for (const batch of chunks(entityRefs, 500)) {
      const rows = await this.db<EntityResultsRow>(
        'maturity_entity_results',
      ).whereIn('entity_ref', batch);
      for (const row of rows) {
        results.set(row.entity_ref, sortByCheck(rowToResults(row)));
      }
    }
    return results;
  }

  async writeEvaluations(
    evaluations: ReadonlyArray<EntityEvaluation | EncodedEntityEvaluation>,
    changes: ReadonlyArray<LevelChange | EncodedLevelChange> = [],
  ): Promise<void> {
    if (evaluations.length === 0) return;
    await this.db.transaction(async tx => {
      for (const rows of chunks(changes.map(changeToRow), BATCH)) {
        await upsertRows(tx, 'maturity_level_changes', rows);
      }
      for (const batch of chunks(evaluations, BATCH)) {
        await upsertRows(
          tx,
          'maturity_entity_results',
          batch.map(resultsToRow),
          ['entity_ref'],
        );
        await upsertRows(
          tx,
          'maturity_placements',
          batch.map(e => placementToRow(e.placement)),
          ['entity_ref'],
        );
        await upsertRows(
          tx,
          'maturity_entity_snapshots',
          batch.map(
            ({ placement: p }): SnapshotRow => ({
              entity_ref: p.entityRef,
              day: p.evaluatedAt.slice(0, 10),
              level: p.level,
              provisional: p.provisional,
              assessed: p.assessed,
            }),
          ),
          ['entity_ref', 'day'],
        );
      }
    });
  }

  async readHistory(entityRef: string, sinceDay: string) {
    const [snapshots, changes] = await Promise.all([
      this.db<SnapshotRow>('maturity_entity_snapshots')
        .where({ entity_ref: entityRef })
        .andWhere('day', '>=', sinceDay)
        .orderBy('day'),
      this.db<ChangeRow>('maturity_level_changes')
        .where({ entity_ref: entityRef })
        .andWhere('changed_at', '>=', sinceDay)
        .orderBy('changed_at'),
    ]);
    return {
      snapshots: snapshots.map(rowToSnapshot),
      changes: changes.map(rowToChange),
    };
  }

  async pruneHistory(beforeDay: string): Promise<number> {
    const snapshots = await this.db('maturity_entity_snapshots')
      .where('day', '<', beforeDay)
      .delete();
    const changes = await this.db('maturity_level_changes')
      .where('changed_at', '<', beforeDay)
      .delete();
    return snapshots + changes;
  }

  async readEvaluation(
    entityRef: string,
  ): Promise<EntityEvaluation | undefined> {
    // One query for both rows: a scorecard read is on every entity page view.
    const row: (PlacementRow & { results: string | null }) | undefined =
      await this.db('maturity_placements as p')
        .leftJoin(
          'maturity_entity_results as r',
          'r.entity_ref',
          'p.entity_ref',
        )
        .where('p.entity_ref', entityRef)
        .first('p.*', 'r.results');
    if (!row) return undefined;
    let stored: CheckResult[] =
      row.results === null
        ? []
        : sortByCheck(rowToResults({ results: row.results }));
    if (needsFacts(stored)) {
      const facts = await this.readFacts([entityRef]);
      stored = joinFactValues(stored, facts.get(entityRef) ?? new Map());
    }
    return { placement: rowToPlacement(row), results: stored };
  }
}

function sortByCheck(results: CheckResult[]): CheckResult[] {
  return results.sort((a, b) => a.checkId.localeCompare(b.checkId));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
