import type {
  CheckResult,
  EntitySnapshot,
  Fact,
  Lens,
  LevelChange,
  PlacementLevel,
  SourceRunSummary,
} from '@maturity/plugin-maturity-common';

export type {
  EntitySnapshot,
  LevelChange,
  LevelChangeCause,
} from '@maturity/plugin-maturity-common';

export type { FactRow } from './rows';

/** @public */
export type SourceRunStatus = 'running' | 'ok' | 'partial' | 'failed';

/** @public */
export type SourceRun = SourceRunSummary;

/** What the evaluator writes per entity, and the scorecard reads back. @public */
export interface StoredPlacement {
  entityRef: string;
  /** The level shown (after hysteresis). */
  level: PlacementLevel;
  /** A lower level computed once and waiting for a second evaluation to show. */
  pendingLevel: PlacementLevel | null;
  /** The level this evaluation computed. */
  computedLevel: PlacementLevel;
  provisional: boolean;
  assessed: boolean;
  stale: boolean;
  details: PlacementDetails;
  evaluatedAt: string;
  /** Hash of everything the evaluation read; unchanged input means no re-evaluation. */
  inputHash: string | null;
  /** What rollups, filters and the CSV group by. */
  ownerRef: string | null;
  lifecycle: string | null;
  systemRef: string | null;
  tier: string | null;
  title: string | null;
}

/** @public */
export interface PlacementDetails {
  nextLevel: { level: number; progress: number; blockers: string[] } | null;
  dimensions: Record<string, PlacementLevel | null>;
  cappedBy?: string;
  /** Passing and failing checks per reporting lens, for the leadership lenses. */
  lenses?: Partial<Record<Lens, { pass: number; fail: number }>>;
}

/** @public */
export interface EntityEvaluation {
  placement: StoredPlacement;
  results: CheckResult[];
}

/**
 * An evaluation whose results were encoded where it was computed (the evaluation
 * worker), so the thread that writes them need not copy and encode them again.
 * @public
 */
export interface EncodedEntityEvaluation {
  placement: StoredPlacement;
  /** The stored forms of the results: see `encodeResultsForStore`. */
  encoded: EncodedResults;
}

/** @public */
export interface EncodedResults {
  /** JSON: the entity's check results in the stored format. */
  results: string;
  /** JSON: check id → state. */
  states: string;
}

/**
 * A level change whose causes were encoded where they were worked out (the evaluation
 * worker, for a first placement: one cause per check).
 * @public
 */
export interface EncodedLevelChange extends Omit<LevelChange, 'causes'> {
  /** JSON: the causes in their stored form (see `encodeCausesForStore`). */
  encodedCauses: string;
}

/** Where the maturity backend keeps facts, runs, results and placements. @public */
export interface MaturityStore {
  /** Inserts or replaces facts, in batches. */
  upsertFacts(facts: Fact[]): Promise<void>;
  /**
   * Marks every fact of `source` about the given entities as observed again (time and
   * run) without rewriting values, and answers the refs that have no fact of that source:
   * a source that knows nothing changed need not hand its values over again.
   */
  reobserveFacts(
    source: string,
    entityRefs: string[],
    observation: { observedAt: string; runId: string },
  ): Promise<string[]>;
  /** Current facts of the given entities, keyed by entity ref then fact name. */
  readFacts(entityRefs: string[]): Promise<Map<string, Map<string, Fact>>>;
  /**
   * The same facts as stored, packed one string per entity (see `packFacts`; an entity
   * without facts is left out), values as JSON text: for evaluations, which send them to
   * the evaluation worker, fingerprint the text and parse a value only when a rule
   * reads it.
   */
  readPackedFacts(entityRefs: string[]): Promise<Map<string, string>>;
  /** Removes every row about entities that are no longer in the catalog. */
  removeEntitiesNotIn(entityRefs: string[]): Promise<number>;

  startRun(source: string, startedAt: Date): Promise<string>;
  finishRun(
    id: string,
    outcome: Pick<SourceRun, 'status' | 'entities' | 'requests' | 'error'> & {
      finishedAt: Date;
    },
  ): Promise<void>;
  listRuns(options: { source?: string; limit: number }): Promise<SourceRun[]>;

  readPlacements(entityRefs: string[]): Promise<Map<string, StoredPlacement>>;
  /** Every placement, for rollups and the CSV (no check results). */
  listPlacements(): Promise<StoredPlacement[]>;
  /** How many entities currently have each check in each state. */
  countResultStates(): Promise<Map<string, Record<string, number>>>;
  /** Current check results of the given entities. */
  readResults(entityRefs: string[]): Promise<Map<string, CheckResult[]>>;
  /**
   * Replaces the results and placement of each entity given, appends level changes and
   * writes today's snapshot for each, in one transaction.
   */
  writeEvaluations(
    evaluations: ReadonlyArray<EntityEvaluation | EncodedEntityEvaluation>,
    changes: ReadonlyArray<LevelChange | EncodedLevelChange>,
  ): Promise<void>;
  readEvaluation(entityRef: string): Promise<EntityEvaluation | undefined>;
  /** Daily snapshots since `sinceDay` (YYYY-MM-DD) and the change log, oldest first. */
  readHistory(
    entityRef: string,
    sinceDay: string,
  ): Promise<{ snapshots: EntitySnapshot[]; changes: LevelChange[] }>;
  /** Deletes snapshots and changes older than `beforeDay`. */
  pruneHistory(beforeDay: string): Promise<number>;
}
