import type { Entity } from '@backstage/catalog-model';

/** What twoProcesses.test.ts tells each collector process, through its environment. */
export interface TwoProcessesEnv {
  /** Names the process in what it records ('a', 'b'). */
  COLLECTOR_LABEL: string;
  /** JSON of the knex connection object of the test's PostgreSQL database. */
  COLLECTOR_DB_CONNECTION: string;
  COLLECTOR_SHARDS: string;
  /** How long each run of the recorder source takes, in ms: `300`, or a random `300-1500`. */
  COLLECTOR_COLLECT_MS: string;
  COLLECTOR_FREQUENCY_MS: string;
  /** The task timeout, which is also the scheduler's lease on a claimed run. */
  COLLECTOR_TIMEOUT_MS: string;
}

/** One row per run of the recorder source; `ended_at` stays null for a run that never ended. */
export const RUNS_TABLE = 'test_collector_runs';
/** Key/value rows the test sets to steer the processes (`hang` = label of the one to wedge). */
export const CONTROL_TABLE = 'test_collector_control';
export const RECORDER_FACT = 'recorder.collector';

export const collectorComponents: Entity[] = Array.from(
  { length: 12 },
  (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `svc-${i}`, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  }),
);
