import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  normalizeEntityRef,
  type Fact,
} from '@maturity/plugin-maturity-common';
import type {
  CollectedFact,
  MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { listAssessedEntities } from '../catalog/listAssessedEntities';
import { listGroups } from '../catalog/listGroups';
import type { MaturityStore, SourceRunStatus } from '../database/MaturityStore';
import type { RollupStore } from '../database/RollupStore';
import { entityRefOf } from './entityRefOf';
import type { Evaluator, EvaluationSummary } from './Evaluator';
import type { RollupService } from './RollupService';
import { shardOf } from './shards';

export interface CollectionRunnerOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: MaturityStore;
  rollupStore: RollupStore;
  sources: readonly MaturityFactSource[];
  evaluator: Evaluator;
  rollups: RollupService;
  logger: LoggerService;
  historyDays: number;
}

/** Which part of the catalog one run covers. */
export interface Shard {
  index: number;
  count: number;
}

export interface CycleSummary extends EvaluationSummary {
  /** Components in this shard. */
  entities: number;
  /** Components in the whole catalog. */
  catalogEntities: number;
  /** Groups in the whole catalog. */
  catalogGroups: number;
  /** Where the cycle's time went, in milliseconds. */
  timings: CycleTimings;
}

export interface CycleTimings {
  /** Listing the catalog and forgetting entities that left it. */
  catalogMs: number;
  /** Every source's collection, one after the other. */
  sourcesMs: number;
  /** Evaluating the shard's entities and writing results, placements and history. */
  evaluateMs: number;
  /** Rolling the group tree up and storing it. */
  rollupMs: number;
  totalMs: number;
}

/**
 * One collection cycle for one shard: list the catalog's Components, forget entities
 * that left it, let every source collect in bulk (side by side) for the shard's entities,
 * evaluate them, and roll the whole group tree up. A failing source is recorded and
 * skipped; the others and the evaluation still run, on the last good facts.
 */
export class CollectionRunner {
  constructor(private readonly options: CollectionRunnerOptions) {}

  async runCycle(
    signal: AbortSignal,
    shard: Shard = { index: 0, count: 1 },
  ): Promise<CycleSummary> {
    const {
      catalog,
      auth,
      store,
      rollupStore,
      sources,
      evaluator,
      rollups,
      logger,
    } = this.options;
    const clock = stopwatch();
    const credentials = await auth.getOwnServiceCredentials();
    const [{ entities: all }, { groups }] = await Promise.all([
      listAssessedEntities(catalog, credentials, signal),
      listGroups(catalog, credentials, signal),
    ]);
    const removed = await store.removeEntitiesNotIn(all.map(entityRefOf));
    if (removed > 0)
      logger.info(`Forgot ${removed} entities no longer in the catalog`);
    await rollupStore.replaceGroups(groups);
    const catalogMs = clock.lap();

    const entities = all.filter(
      e => shardOf(entityRefOf(e), shard.count) === shard.index,
    );
    // Sources are independent (each writes only its own facts), so they collect side by
    // side: a cycle takes as long as the slowest source, not the sum of all.
    signal.throwIfAborted();
    await Promise.all(
      sources.map(source => this.runSource(source, entities, signal)),
    );
    const sourcesMs = clock.lap();
    // A run past its timeout may have lost its lease to another replica: stop before
    // writing evaluations or rollups that replica is writing too.
    signal.throwIfAborted();
    const summary = await evaluator.evaluate(entities);
    const evaluateMs = clock.lap();
    signal.throwIfAborted();
    await rollups.recompute();
    await this.pruneHistory();
    const rollupMs = clock.lap();
    const timings = {
      catalogMs,
      sourcesMs,
      evaluateMs,
      rollupMs,
      totalMs: clock.total(),
    };
    logger.info(
      `Shard ${shard.index + 1}/${shard.count}: evaluated ${
        summary.evaluated
      } entities, ${summary.unchanged} unchanged, ${
        summary.levelChanges
      } level changes in ${timings.totalMs} ms`,
      {
        ...timings,
        evaluated: summary.evaluated,
        unchanged: summary.unchanged,
        shard: `${shard.index + 1}/${shard.count}`,
      },
    );
    return {
      ...summary,
      entities: entities.length,
      catalogEntities: all.length,
      catalogGroups: groups.length,
      timings,
    };
  }

  /** Collects one source now for the given entities, recording the run. */
  async runSource(
    source: MaturityFactSource,
    entities: readonly Entity[],
    signal: AbortSignal,
  ): Promise<void> {
    const { store, logger } = this.options;
    const startedAt = new Date();
    const runId = await store.startRun(source.id, startedAt);
    const runLogger = logger.child({ source: source.id, runId });
    // Facts are stored as the source hands them over; a run that fails later keeps them.
    const stored = new Set<string>();
    let factCount = 0;
    let reobservedCount = 0;
    try {
      const storeFacts = async (collected: readonly CollectedFact[]) => {
        // Past its timeout a run may have lost its lease to another replica.
        signal.throwIfAborted();
        const observedAt = new Date().toISOString();
        const facts: Fact[] = collected.map(f => ({
          entityRef: normalizeEntityRef(f.entityRef),
          name: f.name,
          value: f.problem ? null : f.value,
          ...(f.problem ? { problem: f.problem } : {}),
          source: source.id,
          observedAt,
          runId,
        }));
        await store.upsertFacts(facts);
        for (const fact of facts) stored.add(fact.entityRef);
        factCount += facts.length;
      };
      const reobserveFacts = async (entityRefs: readonly string[]) => {
        signal.throwIfAborted();
        const normalized = entityRefs.map(normalizeEntityRef);
        const missing = new Set(
          await store.reobserveFacts(source.id, normalized, {
            observedAt: new Date().toISOString(),
            runId,
          }),
        );
        for (const ref of normalized) {
          if (missing.has(ref) || stored.has(ref)) continue;
          stored.add(ref);
          reobservedCount += 1;
        }
        // In the source's own spelling: it looks them up among its entities.
        return entityRefs.filter((_, i) => missing.has(normalized[i]));
      };
      const outcome = await source.collect({
        entities,
        logger: runLogger,
        signal,
        now: startedAt,
        storeFacts,
        reobserveFacts,
      });
      await storeFacts(outcome.facts);
      const status = runStatus(outcome.errors.length, stored.size);
      await store.finishRun(runId, {
        status,
        entities: stored.size,
        requests: outcome.requests,
        error: outcome.errors.length ? outcome.errors.join('\n') : null,
        finishedAt: new Date(),
      });
      runLogger.info(
        `Source ${source.id} collected ${factCount} facts and re-observed the facts of ${reobservedCount} entities (${status})`,
      );
    } catch (error) {
      // The last good facts stay; they turn stale after staleAfter and checks go unknown.
      const message = error instanceof Error ? error.message : String(error);
      runLogger.warn(`Source ${source.id} failed: ${message}`);
      await store.finishRun(runId, {
        status: 'failed',
        entities: stored.size,
        requests: 0,
        error: message,
        finishedAt: new Date(),
      });
    }
  }

  private async pruneHistory() {
    const cutoff = new Date(Date.now() - this.options.historyDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await this.options.store.pruneHistory(cutoff);
    await this.options.rollupStore.pruneGroupHistory(cutoff);
  }
}

function stopwatch() {
  const start = performance.now();
  let last = start;
  return {
    /** Milliseconds since the previous lap (or the start). */
    lap() {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    },
    total: () => Math.round(performance.now() - start),
  };
}

function runStatus(errors: number, entities: number): SourceRunStatus {
  if (errors === 0) return 'ok';
  return entities > 0 ? 'partial' : 'failed';
}
