import type { JsonObject } from '@backstage/types';

/** What the benchmark asks of the backend process, over the IPC channel. */
export type BackendCommand =
  | {
      type: 'start';
      seed: number;
      size: number;
      /** Added to every catalog call a collection makes. */
      catalogLatencyMs: number;
      /** app-config: sources, database, maturity settings. */
      config: JsonObject;
    }
  | { type: 'refresh'; phase: string; trigger: 'now' | 'follow-up' }
  | { type: 'db-stats' }
  | { type: 'live-heap' }
  | { type: 'stop' };

/** What one collection cycle took, as the backend saw it. */
export interface RefreshFigures {
  phase: string;
  evaluated: number;
  unchanged: number;
  timings: {
    catalogMs: number;
    sourcesMs: number;
    evaluateMs: number;
    rollupMs: number;
    totalMs: number;
  };
  catalogRequests: number;
  peakRssMb: number;
  /** V8's heap in use, uncollected garbage included, when the RSS peaked. */
  heapAtPeakRssMb: number;
  /** The most heap in use right after a full collection during the cycle (null: none ran). */
  heapAfterFullGcMb: number | null;
  eventLoopDelayP99Ms: number;
}

export interface DatabaseFigures {
  sizeMb: number;
  rows: Record<string, number>;
}

export type BackendReply =
  | {
      type: 'ready';
      port: number;
      idleRssMb: number;
      /** Heap in use after a full collection, before the first cycle. */
      idleHeapMb: number;
      entities: number;
    }
  | { type: 'live-heap'; heapMb: number }
  | { type: 'refreshed'; figures: RefreshFigures }
  | { type: 'db-stats'; figures: DatabaseFigures }
  | { type: 'failed'; message: string };
