import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { ChildProcess } from 'node:child_process';
import type { Entity } from '@backstage/catalog-model';
import { cpSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@backstage/types';
import type {
  BackendCommand,
  BackendReply,
  DatabaseFigures,
  RefreshFigures,
} from './backend/protocol';
import { forkTypeScript, request, stopChild } from './ipc';

/**
 * Runs the backend under test in a child process (see backend/benchBackend.ts) with an
 * empty SQLite database in a temporary directory, and talks to it one command at a time.
 */
export class BackendProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly directory: string,
    readonly port: number,
    readonly idleRssMb: number,
    readonly idleHeapMb: number,
  ) {}

  static async start(options: {
    seed: number;
    size: number;
    catalogLatencyMs: number;
    config: JsonObject;
  }): Promise<BackendProcess> {
    const directory = mkdtempSync(join(tmpdir(), 'maturity-bench-'));
    // The benchmark runs from source (it is never built).
    const child = forkTypeScript(
      resolvePackagePath('@maturity/bench', 'src/backend/benchBackend.ts'),
      [
        // BENCH_CPU_PROFILE=<dir> writes a CPU profile of the backend, to see where time goes.
        ...(process.env.BENCH_CPU_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
          : []),
        '--expose-gc',
        // BENCH_BACKEND_NODE_OPTIONS="--max-old-space-size=1024": runs the backend as an
        // operator who sets V8's heap limit would, to see what the limit does to the peak.
        ...backendNodeOptions(),
        // BENCH_GC_TRACE=<file>: V8's line per collection, to see what each one freed and
        // how the old generation grew (what survives young collections is what grows it).
        ...(process.env.BENCH_GC_TRACE ? ['--trace-gc', '--trace-gc-nvp'] : []),
      ],
      process.env.BENCH_GC_TRACE
        ? openSync(process.env.BENCH_GC_TRACE, 'w')
        : 'ignore',
    );
    const config = {
      ...options.config,
      backend: {
        baseUrl: 'http://127.0.0.1',
        database: {
          client: 'better-sqlite3',
          connection: { directory },
        },
      },
    };
    const ready = await askBackend(child, 'ready', {
      type: 'start',
      seed: options.seed,
      size: options.size,
      catalogLatencyMs: options.catalogLatencyMs,
      config,
    });
    return new BackendProcess(
      child,
      directory,
      ready.port,
      ready.idleRssMb,
      ready.idleHeapMb,
    );
  }

  async refresh(
    phase: string,
    trigger: 'now' | 'follow-up' = 'now',
  ): Promise<RefreshFigures> {
    const answer = await askBackend(this.child, 'refreshed', {
      type: 'refresh',
      phase,
      trigger,
    });
    return answer.figures;
  }

  async databaseFigures(): Promise<DatabaseFigures> {
    const answer = await askBackend(this.child, 'db-stats', {
      type: 'db-stats',
    });
    return answer.figures;
  }

  /** Heap in use after a full collection (which it forces: ask only after measuring). */
  async liveHeapMb(): Promise<number> {
    const answer = await askBackend(this.child, 'live-heap', {
      type: 'live-heap',
    });
    return answer.heapMb;
  }

  /**
   * Stops the backend and removes its database. With BENCH_KEEP_DB=<dir> the database is
   * first copied there, with `entities` (the scenario's; the assessed ones are kept) as
   * `entities.json`: to study it, or to replay its evaluation alone (the backend's
   * `replay-evaluation` script).
   */
  async stop(entities: readonly Entity[] = []): Promise<void> {
    await stopChild(this.child);
    const keep = process.env.BENCH_KEEP_DB;
    if (keep) {
      cpSync(this.directory, keep, { recursive: true });
      const assessed = entities.filter(e => e.kind === 'Component');
      writeFileSync(join(keep, 'entities.json'), JSON.stringify(assessed));
    }
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Extra Node options for the backend under test, from BENCH_BACKEND_NODE_OPTIONS. */
export function backendNodeOptions(): string[] {
  return (process.env.BENCH_BACKEND_NODE_OPTIONS ?? '')
    .split(/\s+/)
    .filter(Boolean);
}

function askBackend<T extends BackendReply['type']>(
  child: ChildProcess,
  expected: T,
  command: BackendCommand,
) {
  return request<BackendReply, T>(child, command, expected, 'the backend');
}
