import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { entityRefOf } from '../service/entityRefOf';
import { shardOf } from '../service/shards';
import {
  CONTROL_TABLE,
  RECORDER_FACT,
  RUNS_TABLE,
  collectorComponents,
  type TwoProcessesEnv,
} from './__testUtils__/collectorShared';
import { collectionTaskId } from './scheduleCollection';

/*
 * Two backend processes (real OS processes, real scheduler, one PostgreSQL database):
 * many short cycles never run one shard twice at once, and when one process is killed
 * with SIGKILL in the middle of a run, the other takes that shard over once the dead
 * run's lease has expired, and completes it.
 *
 * How the Backstage scheduler (backend-defaults) recovers a dead run: the claim sets
 * `current_run_expires_at` = claim time + the task timeout, and nothing renews it. Another
 * worker may claim the task only once `current_run_ticket` is null again, which for a dead
 * owner happens when some process's scheduler janitor clears expired leases; the janitor
 * runs at start-up and then once a minute (and not at all when NODE_ENV is 'test', so the
 * processes get 'development'). So takeover comes between the lease expiry and one
 * janitor interval later, which makes this test take a little over a minute: the
 * survivor's first janitor pass after its start-up one is 60 s after it started.
 */

const SHARDS = 3;
/**
 * Each recorder run takes a random time in this range, often longer than the period: the
 * next run is then due the moment one ends, which is when both processes race for the
 * shard, and the random end times keep one process's poll phase from winning every race.
 */
const COLLECT_MS = '300-1500';
const FREQUENCY_MS = 1_000;
/** Task timeout = the lease on a claimed run. Far above a normal run, even on slow CI. */
const TIMEOUT_MS = 8_000;
/** PluginTaskSchedulerJanitor's period in backend-defaults' DefaultSchedulerService. */
const JANITOR_INTERVAL_MS = 60_000;
const MIN_RUNS = 20;
/** Runs each process must have made while both were up. */
const MIN_RUNS_EACH = 3;
/** Room for a slow CI machine on top of the intervals above. */
const SLACK_MS = 30_000;

jest.setTimeout(300_000);

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id.startsWith('POSTGRES'));

const packageDir = path.resolve(__dirname, '../..');
const fixture = path.resolve(__dirname, '__testUtils__/collectorProcess.ts');

interface Collector {
  label: string;
  child: ChildProcess;
  output: string[];
  /** Set once the process has printed READY. */
  ready: boolean;
  /** Set when the test kills it on purpose. */
  killed: boolean;
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>;
}

interface RunRow {
  id: number;
  label: string;
  pid: number;
  shard: string;
  started_at: string | number;
  ended_at: string | number | null;
  source_run_started_at: string;
  hung: boolean;
}

interface Run extends Omit<RunRow, 'started_at' | 'ended_at'> {
  start: number;
  end: number | null;
}

function startCollector(
  label: string,
  connection: Knex.PgConnectionConfig,
): Collector {
  const env: TwoProcessesEnv = {
    COLLECTOR_LABEL: label,
    COLLECTOR_DB_CONNECTION: JSON.stringify(connection),
    COLLECTOR_SHARDS: String(SHARDS),
    COLLECTOR_COLLECT_MS: COLLECT_MS,
    COLLECTOR_FREQUENCY_MS: String(FREQUENCY_MS),
    COLLECTOR_TIMEOUT_MS: String(TIMEOUT_MS),
  };
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      fixture,
    ],
    {
      cwd: packageDir,
      // Not 'test': the scheduler skips its janitor (which frees expired leases) in tests.
      env: { ...process.env, ...env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>(resolve => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const collector: Collector = {
    label,
    child,
    output: [],
    ready: false,
    killed: false,
    exited,
  };
  const lines = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        if (!line.trim()) continue;
        collector.output.push(`[${label} ${new Date().toISOString()}] ${line}`);
        if (line.startsWith('READY ')) collector.ready = true;
      }
      if (collector.output.length > 400) {
        collector.output.splice(0, collector.output.length - 400);
      }
    });
  };
  lines(child.stdout!);
  lines(child.stderr!);
  return collector;
}

function alive(collector: Collector) {
  return collector.child.exitCode === null && !collector.child.signalCode;
}

async function kill(collector: Collector) {
  if (collector.child.pid !== undefined && alive(collector)) {
    try {
      process.kill(collector.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return collector.exited;
}

function logs(collectors: Collector[]) {
  return collectors.map(c => c.output.slice(-60).join('\n')).join('\n');
}

/** Polls until `check` returns a value, or fails with the processes' recent output. */
async function waitFor<T>(
  what: string,
  timeoutMs: number,
  collectors: Collector[],
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    const dead = collectors.find(c => !alive(c) && !c.killed);
    if (dead) {
      throw new Error(
        `Collector ${dead.label} exited while waiting for ${what}\n${logs(
          collectors,
        )}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}\n${logs(
          collectors,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

async function readRuns(knex: Knex): Promise<Run[]> {
  const rows = await knex<RunRow>(RUNS_TABLE).orderBy('id');
  return rows.map(({ started_at, ended_at, ...rest }) => ({
    ...rest,
    start: Number(started_at),
    end: ended_at === null ? null : Number(ended_at),
  }));
}

/**
 * The store's recorder runs that started at `startedAt`. Runs are told apart by start time
 * (the source is not told its run id), and two processes can start one in the same
 * millisecond, so a run is looked for among all of them.
 */
async function sourceRunsStartedAt(knex: Knex, startedAt: string) {
  return knex('maturity_source_runs').where({
    source: 'recorder',
    started_at: startedAt,
  });
}

function completed(runs: Run[]) {
  return runs.filter(r => r.end !== null);
}

function taskIdOfShard(shard: string): string {
  const name = shard.split(',')[0];
  const entity = collectorComponents.find(c => c.metadata.name === name)!;
  return collectionTaskId(shardOf(entityRefOf(entity), SHARDS), SHARDS);
}

/** Pairs of runs of one shard whose time spans overlap; `endOf` gives an unfinished run's end. */
function overlaps(runs: Run[], endOf: (run: Run) => number) {
  const found: Array<[Run, Run]> = [];
  const byShard = new Map<string, Run[]>();
  for (const run of runs) {
    byShard.set(run.shard, [...(byShard.get(run.shard) ?? []), run]);
  }
  for (const shardRuns of byShard.values()) {
    shardRuns.sort((x, y) => x.start - y.start);
    for (let i = 1; i < shardRuns.length; i++) {
      for (let j = 0; j < i; j++) {
        if (shardRuns[i].start < endOf(shardRuns[j])) {
          found.push([shardRuns[j], shardRuns[i]]);
        }
      }
    }
  }
  return found;
}

const describeWithPostgres = postgres.length > 0 ? describe : describe.skip;

describeWithPostgres('two backend processes on one PostgreSQL', () => {
  const collectors: Collector[] = [];

  afterAll(async () => {
    // Whatever happened, no process outlives the test.
    await Promise.all(collectors.map(kill));
  });

  it(`shares shards without overlap and survives a kill -9 (${postgres[0]})`, async () => {
    const knex = await databases.init(postgres[0] as TestDatabaseId);
    await knex.schema.createTable(RUNS_TABLE, table => {
      table.increments('id');
      table.string('label').notNullable();
      table.integer('pid').notNullable();
      table.text('shard').notNullable();
      table.bigInteger('started_at').notNullable();
      table.bigInteger('ended_at').nullable();
      table.string('source_run_started_at').notNullable();
      table.boolean('hung').notNullable();
    });
    await knex.schema.createTable(CONTROL_TABLE, table => {
      table.string('key').primary();
      table.string('value').notNullable();
    });
    const connection = knex.client.config.connection as Knex.PgConnectionConfig;

    // One after the other: two processes migrating a fresh database at the same moment
    // race on knex's migration lock table ("knex_migrations_lock" already exists), which
    // is knex's, not the scheduler's; this test is about what happens once both run.
    const victim = startCollector('a', connection);
    collectors.push(victim);
    await waitFor('process a to start', 120_000, collectors, async () =>
      victim.ready ? true : undefined,
    );
    const survivor = startCollector('b', connection);
    collectors.push(survivor);
    await waitFor('process b to start', 120_000, collectors, async () =>
      survivor.ready ? true : undefined,
    );
    const bothRunningAt = Date.now();

    // (1) Many short cycles with both processes up, shared between them.
    const shared = (runs: Run[]) =>
      completed(runs).filter(r => r.start >= bothRunningAt);
    const phase1 = await waitFor(
      `${MIN_RUNS} completed runs with both processes up, ${MIN_RUNS_EACH} by each`,
      120_000,
      collectors,
      async () => {
        const runs = await readRuns(knex);
        const done = shared(runs);
        const each = [victim, survivor].map(
          c => done.filter(r => r.label === c.label).length,
        );
        return done.length >= MIN_RUNS && Math.min(...each) >= MIN_RUNS_EACH
          ? runs
          : undefined;
      },
    );
    expect(shared(phase1).length).toBeGreaterThanOrEqual(MIN_RUNS);
    expect(new Set(shared(phase1).map(r => r.pid))).toEqual(
      new Set([victim.child.pid, survivor.child.pid]),
    );
    expect(new Set(shared(phase1).map(r => r.shard)).size).toBe(SHARDS);
    expect(
      overlaps(completed(phase1), r => r.end!).map(
        ([x, y]) => `${x.label}#${x.id} / ${y.label}#${y.id} on ${x.shard}`,
      ),
    ).toEqual([]);

    // (2) Wedge the victim's next run, then kill -9 it mid-run.
    await knex(CONTROL_TABLE).insert({ key: 'hang', value: victim.label });
    const wedged = await waitFor(
      'the victim to start a run that hangs',
      60_000,
      collectors,
      async () => {
        const runs = await readRuns(knex);
        return runs.find(r => r.label === victim.label && r.hung);
      },
    );
    const killedAt = Date.now();
    victim.killed = true;
    process.kill(victim.child.pid!, 'SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Every run the victim had not finished (the wedged one, and any other in flight)
    // holds its shard's lease; the survivor must take each of those shards over.
    const interrupted = (await readRuns(knex)).filter(
      r => r.pid === victim.child.pid && r.end === null,
    );
    expect(interrupted).toContainEqual(
      expect.objectContaining({ id: wedged.id }),
    );
    const leases = new Map<string, number>();
    for (const run of interrupted) {
      const taskId = taskIdOfShard(run.shard);
      const task = await knex('backstage_backend_tasks__tasks')
        .where({ id: taskId })
        .first();
      // Still claimed by the dead process: nobody else may run the shard until it expires.
      expect(task?.current_run_ticket).toBeTruthy();
      const expiresAt = new Date(task.current_run_expires_at).getTime();
      expect(expiresAt).toBeGreaterThan(run.start);
      expect(expiresAt).toBeLessThanOrEqual(run.start + TIMEOUT_MS + 1_000);
      leases.set(run.shard, expiresAt);
    }

    const latestExpiry = Math.max(...leases.values());
    const bound = latestExpiry + JANITOR_INTERVAL_MS + FREQUENCY_MS;
    const takeovers = await waitFor(
      'the survivor to complete every interrupted shard',
      bound + SLACK_MS - Date.now(),
      collectors,
      async () => {
        const runs = completed(await readRuns(knex));
        const found = [...leases.keys()].map(shard =>
          runs.find(
            r =>
              r.shard === shard &&
              r.label === survivor.label &&
              r.start > killedAt,
          ),
        );
        return found.every(Boolean) ? (found as Run[]) : undefined;
      },
    );

    for (const takeover of takeovers) {
      const expiresAt = leases.get(takeover.shard)!;
      // Not before the dead run's lease ran out, and within one janitor interval of it.
      expect(takeover.start).toBeGreaterThanOrEqual(expiresAt);
      expect(takeover.end!).toBeLessThanOrEqual(bound + SLACK_MS);
      expect(survivor.output.join('\n')).toContain(
        `Task timed out and was lost: ${taskIdOfShard(takeover.shard)}`,
      );

      // The takeover is a completed source run, and its facts are what the shard's
      // entities now carry.
      const sourceRuns = await sourceRunsStartedAt(
        knex,
        takeover.source_run_started_at,
      );
      expect(sourceRuns).toContainEqual(
        expect.objectContaining({
          status: 'ok',
          finished_at: expect.anything(),
        }),
      );
      const refs = takeover.shard
        .split(',')
        .map(name =>
          entityRefOf(collectorComponents.find(c => c.metadata.name === name)!),
        );
      const facts = await knex('maturity_facts')
        .whereIn('entity_ref', refs)
        .andWhere({ name: RECORDER_FACT });
      expect(facts).toHaveLength(refs.length);
      for (const fact of facts) {
        expect(JSON.parse(fact.value)).toBe(survivor.label);
        const factRun = await knex('maturity_source_runs')
          .where({ id: fact.run_id })
          .first();
        expect(factRun.status).toBe('ok');
        expect(Date.parse(factRun.started_at)).toBeGreaterThan(killedAt);
      }
    }

    // The killed runs never finished, in the recorder's table or in the store.
    const after = await readRuns(knex);
    for (const run of interrupted) {
      expect(after.find(r => r.id === run.id)?.end).toBeNull();
      expect(
        await sourceRunsStartedAt(knex, run.source_run_started_at),
      ).toContainEqual(
        expect.objectContaining({ status: 'running', finished_at: null }),
      );
    }
    // Over the whole test, no shard ever ran twice at once: a killed run counts as
    // running until the kill, and one still in flight as running for ever.
    expect(
      overlaps(after, r => {
        if (r.end !== null) return r.end;
        return r.pid === victim.child.pid ? killedAt : Infinity;
      }).map(
        ([x, y]) => `${x.label}#${x.id} / ${y.label}#${y.id} on ${x.shard}`,
      ),
    ).toEqual([]);
    // The survivor carried on with every shard after the kill.
    expect(
      new Set(
        completed(after)
          .filter(r => r.start > killedAt)
          .map(r => r.shard),
      ).size,
    ).toBe(SHARDS);
  });
});
