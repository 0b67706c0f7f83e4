import type { JsonValue } from '@backstage/types';
import type {
  CheckResult,
  Fact,
  PlacementLevel,
} from '@maturity/plugin-maturity-common';
import type {
  EncodedEntityEvaluation,
  EncodedLevelChange,
  EncodedResults,
  EntityEvaluation,
  EntitySnapshot,
  LevelChange,
  LevelChangeCause,
  SourceRun,
  SourceRunStatus,
  StoredPlacement,
} from './MaturityStore';

import { causesToStore } from './storedValues';
import { decodeResults, encodeResults } from './storedResults';

// Row shapes and mappers, kept apart from the queries so the store reads as SQL only.

export interface FactRow {
  entity_ref: string;
  name: string;
  value: string;
  source: string;
  observed_at: string;
  run_id: string | null;
  problem: string | null;
}

export const factToRow = (fact: Fact): FactRow => ({
  entity_ref: fact.entityRef,
  name: fact.name,
  value: valueText(fact),
  source: fact.source,
  observed_at: fact.observedAt,
  run_id: fact.runId ?? null,
  problem: fact.problem ?? null,
});

// A parsed value may be null; this stands for "not parsed yet".
const UNPARSED: unique symbol = Symbol('unparsed');

/**
 * A fact read from the database. It keeps the JSON text its value was stored as (see
 * valueText), and parses it only when `value` is first read: the rules of a check read
 * a few of an entity's facts, and a scorecard only the large values it joins. The text
 * and the parsed value are private fields, invisible to JSON and to spreads, where
 * `value` shows as a plain property.
 */
class StoredFact implements Fact {
  readonly entityRef: string;
  readonly name: string;
  declare readonly value: JsonValue;
  readonly source: string;
  readonly observedAt: string;
  readonly runId?: string;
  declare readonly problem?: string;
  readonly #text: string;
  #value: JsonValue | typeof UNPARSED = UNPARSED;

  // One descriptor for every fact: objects that got the same accessor share their shape.
  static readonly #lazyValue: PropertyDescriptor = {
    enumerable: true,
    get(this: StoredFact): JsonValue {
      if (this.#value === UNPARSED) this.#value = JSON.parse(this.#text);
      return this.#value as JsonValue;
    },
  };

  constructor(row: FactRow) {
    this.entityRef = row.entity_ref;
    this.name = row.name;
    Object.defineProperty(this, 'value', StoredFact.#lazyValue);
    this.source = row.source;
    this.observedAt = row.observed_at;
    this.runId = row.run_id ?? undefined;
    if (row.problem) this.problem = row.problem;
    this.#text = row.value;
  }

  static text(fact: Fact | undefined): string | undefined {
    return fact && #text in fact ? (fact as StoredFact).#text : undefined;
  }
}

export const rowToFact = (row: FactRow): Fact => new StoredFact(row);

/** A fact's value as JSON: the stored text when the fact was read from the database. */
export function valueText(fact: Fact): string {
  return StoredFact.text(fact) ?? JSON.stringify(fact.value);
}

export interface RunRow {
  id: string;
  source: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  entities: number;
  requests: number;
  error: string | null;
}

export const rowToRun = (row: RunRow): SourceRun => ({
  id: row.id,
  source: row.source,
  status: row.status as SourceRunStatus,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  entities: Number(row.entities),
  requests: Number(row.requests),
  error: row.error,
});

/** All of one entity's check results in one row. */
export interface EntityResultsRow {
  entity_ref: string;
  /** JSON: the entity's check results (see storedResults). */
  results: string;
  /** JSON: check id → state, for counting without reading the results. */
  states: string;
  evaluated_at: string;
}

/**
 * An entity's results as they are stored: the results themselves and their states. With
 * the facts the evaluation read, values read from the database are copied as the text
 * they were stored as (see encodeResults).
 */
export const encodeResultsForStore = (
  results: readonly CheckResult[],
  facts?: ReadonlyMap<string, Fact>,
): EncodedResults => ({
  results: encodeResults(
    results,
    facts && (name => StoredFact.text(facts.get(name))),
  ),
  states: encodeStates(results),
});

/** `{"<check id>":"<state>",…}`, written out: a state is one of a few plain words. */
function encodeStates(results: readonly CheckResult[]): string {
  return `{${results
    .map(r => `${JSON.stringify(r.checkId)}:"${r.state}"`)
    .join(',')}}`;
}

export const resultsToRow = (
  evaluation: EntityEvaluation | EncodedEntityEvaluation,
): EntityResultsRow => {
  const encoded =
    'encoded' in evaluation
      ? evaluation.encoded
      : encodeResultsForStore(evaluation.results);
  return {
    entity_ref: evaluation.placement.entityRef,
    ...encoded,
    evaluated_at: evaluation.placement.evaluatedAt,
  };
};

export const rowToResults = (
  row: Pick<EntityResultsRow, 'results'>,
): CheckResult[] => decodeResults(row.results);

export interface PlacementRow {
  entity_ref: string;
  level: number;
  pending_level: number | null;
  computed_level: number;
  provisional: boolean | number;
  assessed: boolean | number;
  stale: boolean | number;
  details: string;
  evaluated_at: string;
  input_hash: string | null;
  owner_ref: string | null;
  lifecycle: string | null;
  system_ref: string | null;
  tier: string | null;
  title: string | null;
}

export const placementToRow = (p: StoredPlacement): PlacementRow => ({
  entity_ref: p.entityRef,
  level: p.level,
  pending_level: p.pendingLevel,
  computed_level: p.computedLevel,
  provisional: p.provisional,
  assessed: p.assessed,
  stale: p.stale,
  details: JSON.stringify(p.details),
  evaluated_at: p.evaluatedAt,
  input_hash: p.inputHash,
  owner_ref: p.ownerRef,
  lifecycle: p.lifecycle,
  system_ref: p.systemRef,
  tier: p.tier,
  title: p.title,
});

// SQLite hands booleans back as 0/1.
export const rowToPlacement = (row: PlacementRow): StoredPlacement => ({
  entityRef: row.entity_ref,
  level: Number(row.level) as PlacementLevel,
  pendingLevel:
    row.pending_level === null
      ? null
      : (Number(row.pending_level) as PlacementLevel),
  computedLevel: Number(row.computed_level) as PlacementLevel,
  provisional: Boolean(row.provisional),
  assessed: Boolean(row.assessed),
  stale: Boolean(row.stale),
  details: JSON.parse(row.details),
  evaluatedAt: row.evaluated_at,
  inputHash: row.input_hash,
  ownerRef: row.owner_ref,
  lifecycle: row.lifecycle,
  systemRef: row.system_ref,
  tier: row.tier,
  title: row.title,
});

export interface SnapshotRow {
  entity_ref: string;
  day: string;
  level: number;
  provisional: boolean | number;
  assessed: boolean | number;
}

export const rowToSnapshot = (row: SnapshotRow): EntitySnapshot => ({
  day: row.day,
  level: Number(row.level) as PlacementLevel,
  provisional: Boolean(row.provisional),
  assessed: Boolean(row.assessed),
});

export interface ChangeRow {
  id?: number;
  entity_ref: string;
  changed_at: string;
  from_level: number | null;
  to_level: number;
  causes: string;
}

/**
 * A level change's causes as they are stored: the list of causes, each large value
 * described briefly (causesToStore). A first placement's causes are each check's state,
 * so they are stored as the entity's states (see encodeResultsForStore), the same text
 * as its results row, a third the size of the causes written out.
 */
export const encodeCausesForStore = (causes: LevelChangeCause[]): string =>
  JSON.stringify(causesToStore(causes));

export const changeToRow = (
  c: LevelChange | EncodedLevelChange,
): ChangeRow => ({
  entity_ref: c.entityRef,
  changed_at: c.changedAt,
  from_level: c.fromLevel,
  to_level: c.toLevel,
  causes:
    'encodedCauses' in c ? c.encodedCauses : encodeCausesForStore(c.causes),
});

export const rowToChange = (row: ChangeRow): LevelChange => ({
  entityRef: row.entity_ref,
  changedAt: row.changed_at,
  fromLevel:
    row.from_level === null ? null : (Number(row.from_level) as PlacementLevel),
  toLevel: Number(row.to_level) as PlacementLevel,
  causes: decodeCauses(row.causes),
});

function decodeCauses(text: string): LevelChangeCause[] {
  const stored: LevelChangeCause[] | Record<string, string> = JSON.parse(text);
  if (Array.isArray(stored)) return stored;
  return Object.entries(stored).map(([checkId, to]) => ({
    checkId,
    from: null,
    to,
    facts: [],
  }));
}
