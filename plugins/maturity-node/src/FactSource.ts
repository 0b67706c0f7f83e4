import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonValue } from '@backstage/types';

/** One fact a source observed, before the backend stamps it with source, time and run. @public */
export interface CollectedFact {
  /** Entity ref as the catalog prints it (`component:default/payments-api`). */
  entityRef: string;
  /** Dotted name, prefixed with the source id (`github.ciRuns`, `k8s.workloads`). */
  name: string;
  /** Null when `problem` is set. */
  value: JsonValue;
  /**
   * Set instead of a value when this fact could not be observed for this entity
   * (403/404 on its repository, CRD not installed on its cluster). Its checks become
   * `unknown` with this text as the reason, so write it for a developer to read.
   */
  problem?: string;
}

/** What a source is handed on each run. @public */
export interface FactCollectionContext {
  /**
   * The catalog entities to collect for (Components, with metadata, spec and relations).
   * Sources must collect for all of them in bulk, never with requests per entity.
   */
  entities: readonly Entity[];
  logger: LoggerService;
  /** Aborted when the run's timeout passes or the backend shuts down; stop promptly. */
  signal: AbortSignal;
  now: Date;
  /**
   * Stores facts now, before the run ends. A source that collects in batches hands each
   * batch over as it arrives, so it never holds every entity's facts at once; the facts it
   * returns at the end are stored the same way.
   */
  storeFacts(facts: CollectedFact[]): Promise<void>;
  /**
   * Marks every fact this source has stored for these entities as observed in this run,
   * without handing the values over again. For a source that knows nothing changed since
   * it handed them over (a repository nobody pushed to): handing the same values over
   * only for the backend to find them equal would make the source keep a second copy of
   * the stored facts between runs.
   *
   * Answers the entity refs (as given) that have no fact of this source stored, e.g.
   * because their rows were removed while the entity was out of the catalog: their facts
   * must be collected and handed over in this run. Every stored fact of the source about
   * an entity is re-observed, so call it only for entities whose stored facts the source
   * knows to be what it would hand over now.
   */
  reobserveFacts(entityRefs: readonly string[]): Promise<string[]>;
}

/** How a run went, in the source's own words. @public */
export interface FactCollectionOutcome {
  facts: CollectedFact[];
  /** Outbound requests made, for the sources page and the benchmark. */
  requests: number;
  /**
   * Problems that kept some facts from being collected (one repository 404s, one cluster
   * times out). A non-empty list with some facts records the run as `partial`.
   */
  errors: string[];
}

/**
 * A fact collector. The backend calls `collect` on the source's schedule, once per run,
 * with every entity of the run's shard; it stores the returned facts with the source id
 * and the time, and records the run.
 *
 * On partial failure a source returns the facts it did collect and lists the errors: it
 * must not invent values for what it could not see. Facts it does not return keep their
 * last value and turn stale after `maturity.facts.staleAfter`, which makes the checks that
 * read them `unknown`. Throwing records the run as `failed` and keeps every last fact.
 * @public
 */
export interface MaturityFactSource {
  /** Short, stable id; also the prefix of the fact names it writes. */
  readonly id: string;
  /**
   * Names of the facts this source may write. Custom checks in config may only read
   * facts some source declares, so a typo in a rule stops the backend at start-up.
   */
  readonly factNames?: readonly string[];
  collect(context: FactCollectionContext): Promise<FactCollectionOutcome>;
}
