import type { CheckSummary } from './rubric/CheckDefinition';
import type { RollupFigures } from './maths/rollup';
import type { CheckResult, Dimension, Level, PlacementLevel } from './types';

/** One check's result with the check's own description, as the scorecard shows it. @public */
export type ScorecardCheck = CheckResult &
  Pick<
    CheckSummary,
    | 'title'
    | 'level'
    | 'dimension'
    | 'lens'
    | 'required'
    | 'weight'
    | 'hint'
    | 'link'
    | 'sources'
  >;

/** `GET /entities/{kind}/{namespace}/{name}` @public */
export interface EntityScorecard {
  entityRef: string;
  level: PlacementLevel;
  provisional: boolean;
  /** False until at least one gating check could be observed. */
  assessed: boolean;
  /** When the placement was computed; null before the first evaluation. */
  evaluatedAt: string | null;
  /** Some evidence behind this scorecard is older than `staleAfter`. */
  stale: boolean;
  /** Why the level is lower than the checks alone would give (e.g. "lifecycle experimental"). */
  cappedBy?: string;
  nextLevel: {
    level: Level;
    progress: number;
    /** Check ids, the ones that block most first. */
    blockers: string[];
  } | null;
  dimensions: Record<Dimension, PlacementLevel | null>;
  checks: ScorecardCheck[];
}

/** A check in the catalogue, with how many of the caller's visible services fail it. @public */
export type RubricCheck = CheckSummary & {
  /** Services whose current result for this check is `fail`. */
  failing: number;
  /** Services whose current result for this check is `unknown`. */
  unknown: number;
};

/** `GET /rubric` @public */
export interface RubricResponse {
  checks: RubricCheck[];
}

/** A day's level of an entity. @public */
export interface EntitySnapshot {
  /** YYYY-MM-DD */
  day: string;
  level: PlacementLevel;
  provisional: boolean;
  assessed: boolean;
}

/** A check whose state changed, with the facts it read before and after. @public */
export interface LevelChangeCause {
  checkId: string;
  from: string | null;
  to: string;
  facts: { fact: string; before: unknown; after: unknown }[];
}

/** One entry of the "why it changed" log. @public */
export interface LevelChange {
  entityRef: string;
  changedAt: string;
  fromLevel: PlacementLevel | null;
  toLevel: PlacementLevel;
  causes: LevelChangeCause[];
}

/** `GET /entities/{kind}/{namespace}/{name}/history` @public */
export interface EntityHistory {
  entityRef: string;
  snapshots: EntitySnapshot[];
  changes: LevelChange[];
}

/** A service in a team or org listing. @public */
export interface ServiceSummary {
  entityRef: string;
  title: string | null;
  ownerRef: string | null;
  lifecycle: string | null;
  systemRef: string | null;
  tier: string | null;
  level: PlacementLevel;
  provisional: boolean;
  assessed: boolean;
  stale: boolean;
}

/** A group with its rolled-up figures. @public */
export interface GroupSummary {
  groupRef: string;
  title: string | null;
  type: string | null;
  parentRef: string | null;
  figures: RollupFigures;
  /** The group's level a week ago, when known (not for filtered or restricted views). */
  trend: { days: number; previousLevel: number | null } | null;
}

/** `GET /groups/{namespace}/{name}` @public */
export interface GroupResponse {
  group: GroupSummary;
  children: GroupSummary[];
  /** Its services and those of its sub-groups, weakest first. */
  services: ServiceSummary[];
  /** Services below the level the team would need for its next level. */
  holdingBack: string[];
}

/** `GET /rollup` @public */
export interface RollupResponse {
  root: string | null;
  filters: { lifecycle?: string; system?: string; tier?: string };
  computedAt: string | null;
  /** Every visible service matching the filters, as one figure set. */
  org: RollupFigures;
  /** The groups under `root` (or all), each with its parent, so the tree can be drawn. */
  groups: GroupSummary[];
}

/** A source run. @public */
export interface SourceRunSummary {
  id: string;
  source: string;
  status: 'running' | 'ok' | 'partial' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  entities: number;
  requests: number;
  error: string | null;
}

/** `GET /sources` @public */
export interface SourcesResponse {
  runs: SourceRunSummary[];
}
