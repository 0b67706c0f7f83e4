import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  CheckResult,
  ScoringOptions,
} from '@maturity/plugin-maturity-common';
import type {
  EncodedEntityEvaluation,
  EncodedLevelChange,
  LevelChange,
  MaturityStore,
  StoredPlacement,
} from '../database/MaturityStore';
import { decodeResults } from '../database/storedResults';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import {
  encodeEvaluation,
  evaluateEntity,
  fingerprintOf,
} from '../evaluation/evaluateEntity';
import { EvaluationWorker } from '../evaluation/EvaluationWorker';
import { packFacts, unpackFacts } from '../evaluation/factPack';
import type { ChunkRequest, RubricRecipe } from '../evaluation/workerProtocol';
import type { Rubric } from '../rubric/Rubric';
import type { Waivers } from '../rubric/waivers';
import { entityMetadata } from './entityMetadata';
import { entityRefOf } from './entityRefOf';
import { levelChangeCauses } from './levelChangeCauses';

/**
 * Entities read, evaluated and written together, with a turn of the event loop between
 * chunks. On the main thread a chunk's queries and rules run without a break (SQLite
 * answers synchronously), so the chunk decides how long requests wait: at 10,000
 * services the event-loop delay p99 of a cold cycle was 130-137 ms with chunks of 250
 * and 78 ms with 100 (58 ms with 50), while the evaluation took as long either way.
 */
const EVALUATION_CHUNK = 100;

/**
 * Chunks handed to the worker before the oldest one's answer is written, so that the
 * worker has the next chunk waiting while the main thread writes one and reads another:
 * with two in flight each side waited for the other a fifth of the time.
 */
const CHUNKS_IN_FLIGHT = 3;

export interface EvaluatorOptions {
  store: MaturityStore;
  rubric: Rubric;
  waivers: Waivers;
  scoring: ScoringOptions;
  staleAfterMs: number;
  /**
   * Evaluates in a worker thread built from this recipe of the same rubric. Left out
   * when the rubric has checks from backend modules, which only run where they were
   * added; then, or when the worker fails, evaluation runs on the main thread.
   */
  worker?: RubricRecipe;
  logger?: Pick<LoggerService, 'warn'>;
}

export interface EvaluationSummary {
  evaluated: number;
  /** Entities whose inputs had not changed since their last evaluation. */
  unchanged: number;
  levelChanges: number;
}

/** One chunk as read from the store, ready to evaluate here or in the worker. */
interface ReadChunk {
  inputs: Array<{
    entity: Entity;
    entityRef: string;
    /** The entity's facts as the worker takes them (see factPack). */
    packedFacts: string;
    previous?: StoredPlacement;
  }>;
  previous: Map<string, StoredPlacement>;
}

/** What an entity without facts packs to. */
const NO_FACTS = packFacts([]);

/**
 * Runs the rubric over stored facts and writes results, placements, snapshots and the
 * level-change log. Incremental: an entity whose inputs (facts, their staleness, the
 * rubric, the day) are unchanged keeps its stored evaluation. The rules run in a worker
 * thread when the rubric allows it, so reading and writing overlap with evaluating.
 */
export class Evaluator {
  private worker: Promise<EvaluationWorker | undefined> | undefined;

  constructor(private readonly options: EvaluatorOptions) {}

  async evaluate(
    entities: readonly Entity[],
    options: { now?: Date; force?: boolean } = {},
  ): Promise<EvaluationSummary> {
    const now = options.now ?? new Date();
    const force = options.force ?? false;
    const summary: EvaluationSummary = {
      evaluated: 0,
      unchanged: 0,
      levelChanges: 0,
    };
    const worker = await this.startWorker();
    // A chunk at a time: memory stays bounded by the chunks in flight, not the catalog,
    // and each chunk's results, placements and history are written in one transaction.
    // What waits in line keeps only what writing needs, not the chunk's facts: held
    // across turns of the event loop they would outlive V8's young generation and fill
    // the old one, whose collections are what an evaluation's time went to.
    const inFlight: Array<{
      size: number;
      previous: Map<string, StoredPlacement>;
      answer: Promise<EncodedEntityEvaluation[]>;
    }> = [];
    const writeOldest = async () => {
      const { size, previous, answer } = inFlight.shift()!;
      const evaluations = await answer;
      const changes = await this.levelChanges(evaluations, previous, now);
      await this.options.store.writeEvaluations(evaluations, changes);
      summary.evaluated += evaluations.length;
      summary.unchanged += size - evaluations.length;
      summary.levelChanges += changes.length;
    };
    for (let i = 0; i < entities.length; i += EVALUATION_CHUNK) {
      const slice = entities.slice(i, i + EVALUATION_CHUNK);
      const chunk = await this.readChunk(slice);
      const answer =
        worker?.failed === false
          ? this.inWorker(worker, chunk, now, force)
          : this.inThread(chunk, now, force);
      // Settled now so a failure waiting in line is not reported as unhandled.
      answer.catch(() => {});
      inFlight.push({ size: slice.length, previous: chunk.previous, answer });
      if (inFlight.length >= CHUNKS_IN_FLIGHT) await writeOldest();
      await yieldToEventLoop();
    }
    while (inFlight.length > 0) await writeOldest();
    return summary;
  }

  /**
   * Starts the evaluation worker now rather than at the first evaluation, so loading
   * its modules is part of the backend's start, not of the first cycle.
   */
  async warmUp(): Promise<void> {
    await this.startWorker();
  }

  /** Stops the worker, if one runs; a later evaluation starts another. */
  async close(): Promise<void> {
    const worker = await this.worker;
    this.worker = undefined;
    await worker?.close();
  }

  private startWorker(): Promise<EvaluationWorker | undefined> {
    const { worker: recipe } = this.options;
    if (!recipe) return Promise.resolve(undefined);
    // Chained, so evaluations started together share one worker; a worker that failed
    // (or never started) gets a new start at the next evaluation.
    this.worker = (this.worker ?? Promise.resolve(undefined)).then(worker =>
      worker && !worker.failed ? worker : this.launch(recipe),
    );
    return this.worker;
  }

  private launch(recipe: RubricRecipe): Promise<EvaluationWorker | undefined> {
    const { rubric, logger } = this.options;
    return EvaluationWorker.start(recipe, rubric.version).catch(error => {
      logger?.warn(
        `Evaluating on the main thread: the evaluation worker did not start (${error.message})`,
      );
      return undefined;
    });
  }

  private async readChunk(entities: readonly Entity[]): Promise<ReadChunk> {
    const refs = entities.map(entityRefOf);
    const [facts, previous] = await Promise.all([
      this.options.store.readPackedFacts(refs),
      this.options.store.readPlacements(refs),
    ]);
    const inputs = entities.map((entity, i) => ({
      entity,
      entityRef: refs[i],
      packedFacts: facts.get(refs[i]) ?? NO_FACTS,
      previous: previous.get(refs[i]),
    }));
    return { inputs, previous };
  }

  private async inThread(
    chunk: ReadChunk,
    now: Date,
    force: boolean,
  ): Promise<EncodedEntityEvaluation[]> {
    const evaluations: EncodedEntityEvaluation[] = [];
    for (const { packedFacts, ...input } of chunk.inputs) {
      const facts = unpackFacts(input.entityRef, packedFacts);
      const evaluation = await evaluateEntity(
        this.options,
        { ...input, facts },
        { now, force },
      );
      if (evaluation) evaluations.push(encodeEvaluation(evaluation));
    }
    return evaluations;
  }

  /**
   * In the worker; if it fails, here (with the facts read again: the chunk's are not
   * kept while it waits), and later chunks stay here too.
   */
  private inWorker(
    worker: EvaluationWorker,
    chunk: ReadChunk,
    now: Date,
    force: boolean,
  ): Promise<EncodedEntityEvaluation[]> {
    const changed = this.changedEntities(chunk, now, force);
    if (changed.length === 0) return Promise.resolve([]);
    const entities = chunk.inputs.map(input => input.entity);
    return worker
      .evaluate({ now: now.toISOString(), force, entities: changed })
      .catch(async error => {
        this.options.logger?.warn(
          `Evaluating on the main thread: ${(error as Error).message}`,
        );
        return this.inThread(await this.readChunk(entities), now, force);
      });
  }

  /**
   * What the worker gets of a chunk. An entity evaluated before is fingerprinted here
   * first and sent only if its inputs changed: a warm cycle changes few, and sending
   * every fact would cost more than hashing it.
   */
  private changedEntities(
    chunk: ReadChunk,
    now: Date,
    force: boolean,
  ): ChunkRequest['entities'] {
    const changed: ChunkRequest['entities'] = [];
    for (const { entity, entityRef, packedFacts, previous } of chunk.inputs) {
      if (!previous) {
        changed.push({ entity, entityRef, facts: packedFacts });
        continue;
      }
      const metadata = entityMetadata(entity);
      const facts = unpackFacts(entityRef, packedFacts);
      const hash = fingerprintOf(this.options, metadata, facts, now);
      if (!force && hash === previous.inputHash) continue;
      const { level, pendingLevel } = previous;
      changed.push({
        entity,
        entityRef,
        facts: packedFacts,
        previous: { level, pendingLevel, inputHash: previous.inputHash },
        inputHash: hash,
      });
    }
    return changed;
  }

  private async levelChanges(
    evaluations: EncodedEntityEvaluation[],
    previous: Map<string, StoredPlacement>,
    now: Date,
  ): Promise<Array<LevelChange | EncodedLevelChange>> {
    const moved = evaluations.filter(
      e =>
        (previous.get(e.placement.entityRef)?.level ?? 0) !== e.placement.level,
    );
    if (moved.length === 0) return [];
    // Only an entity placed before has results to compare with; a first placement's
    // causes are each check's state, stored as the states its results row keeps.
    const placedBefore = moved
      .map(e => e.placement.entityRef)
      .filter(ref => previous.has(ref));
    const before = placedBefore.length
      ? await this.options.store.readResults(placedBefore)
      : new Map<string, CheckResult[]>();
    return moved.map(e => {
      const ref = e.placement.entityRef;
      const change = {
        entityRef: ref,
        changedAt: now.toISOString(),
        fromLevel: previous.get(ref)?.level ?? null,
        toLevel: e.placement.level,
      };
      if (!previous.has(ref)) {
        return { ...change, encodedCauses: e.encoded.states };
      }
      const earlier = before.get(ref) ?? [];
      const results = decodeResults(e.encoded.results);
      return { ...change, causes: levelChangeCauses(earlier, results) };
    });
  }
}
