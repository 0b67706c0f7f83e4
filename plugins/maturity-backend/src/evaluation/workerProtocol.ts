import type { Entity } from '@backstage/catalog-model';
import type { MaturityConfig } from '../config/readMaturityConfig';
import type { EncodedEntityEvaluation } from '../database/MaturityStore';
import type { PreviousPlacement } from './evaluateEntity';

// The messages between the Evaluator and its worker. Everything here crosses a thread by
// structured clone: plain data only, no functions and no class instances.

/**
 * How the worker builds the same rubric as the backend: the built-in checks it keeps (by
 * id, in the built-in order) and the config that moves, weighs, adds and waives checks.
 * Checks added by backend modules are functions the worker cannot receive, so a rubric
 * with any of them is evaluated on the main thread instead.
 */
export interface RubricRecipe {
  builtInCheckIds: string[];
  config: Pick<
    MaturityConfig,
    'checks' | 'customChecks' | 'waivers' | 'scoring' | 'staleAfterMs'
  >;
  /** Fact names the installed sources declare, which custom checks may read. */
  sourceFactNames: string[];
}

/** The worker's first message: its rubric's version, or why it has none. */
export type WorkerReady =
  | { type: 'ready'; rubricVersion: string }
  | { type: 'failed'; message: string };

export interface ChunkRequest {
  id: number;
  /** ISO time of the evaluation: every chunk of one evaluation has the same. */
  now: string;
  force: boolean;
  entities: Array<{
    entity: Entity;
    entityRef: string;
    /** The entity's facts as stored, packed (see factPack): values stay JSON text. */
    facts: string;
    previous?: PreviousPlacement;
    /** Left out for an entity evaluated for the first time: the worker computes it. */
    inputHash?: string;
  }>;
}

export type ChunkAnswer =
  /** The chunk's evaluations, encoded where they were made; unchanged entities are left out. */
  | { type: 'chunk'; id: number; evaluations: EncodedEntityEvaluation[] }
  | { type: 'chunk'; id: number; error: string };
