/**
 * The backend under test, in its own process so its memory and event loop are measured
 * alone: the real Maturity plugin with its GitHub and Kubernetes modules, the real
 * scheduler and a real SQLite file, the scenario's catalog in memory. The benchmark
 * drives it over the IPC channel (see protocol.ts) and over HTTP.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
// The benchmark runs the plugin as an adopter's backend would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity/plugin-maturity-backend';
import maturityModuleGithub from '@maturity/plugin-maturity-backend-module-github';
import maturityModuleKubernetes from '@maturity/plugin-maturity-backend-module-kubernetes';
import { generateScenario } from '@maturity/sandbox';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startAllocationProfile } from './allocationProfile';
import { CaptureLogger } from './captureLogger';
import { countingCatalog } from './countingCatalog';
import { databaseFigures } from './databaseFigures';
import type { BackendCommand, BackendReply, RefreshFigures } from './protocol';
import { serveCommands } from '../ipc';
import { settledMemory, startResourceSampler } from './resourceSampler';

const TASK_ID = 'maturity:collect:shard-1-of-1';
/** The plugin looks again by itself 15 s after the first cycle; allow for that and slack. */
const FOLLOW_UP_WAIT_MS = 40_000;

type Started = Awaited<ReturnType<typeof start>>;

async function start(command: Extract<BackendCommand, { type: 'start' }>) {
  const { entities } = generateScenario({
    seed: command.seed,
    size: command.size,
  });
  const { catalog, state } = countingCatalog(
    entities,
    command.catalogLatencyMs,
  );
  const logger = new CaptureLogger();
  const probe: { scheduler?: SchedulerService } = {};
  const backend = await startTestBackend({
    features: [
      maturityPlugin,
      maturityModuleGithub,
      maturityModuleKubernetes,
      schedulerServiceFactory,
      databaseServiceFactory,
      mockServices.rootConfig.factory({ data: command.config }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      // Hands the plugin's scheduler to the benchmark, to start a cycle on demand.
      createBackendModule({
        pluginId: 'maturity',
        moduleId: 'bench-probe',
        register(env) {
          env.registerInit({
            deps: { scheduler: coreServices.scheduler },
            async init({ scheduler }) {
              probe.scheduler = scheduler;
            },
          });
        },
      }),
    ],
  });
  const port = (backend.server.address() as AddressInfo).port;
  return {
    backend,
    port,
    state,
    logger,
    scheduler: probe.scheduler!,
    entities: entities.length,
  };
}

async function refresh(
  started: Started,
  command: Extract<BackendCommand, { type: 'refresh' }>,
): Promise<RefreshFigures> {
  const { state, logger, scheduler } = started;
  state.requests = 0;
  state.collecting = true;
  const sampler = startResourceSampler();
  // Marks the phase in a GC trace (BENCH_GC_TRACE), whose lines count milliseconds from
  // the process's start; stdout goes nowhere otherwise.
  process.stdout.write(
    `[bench] ${command.phase} starts at ${Math.round(performance.now())} ms\n`,
  );
  const allocations = await startAllocationProfile(...profileOf(command.phase));
  try {
    const cycle = new Promise<Record<string, any>>((resolve, reject) => {
      const timeout = setTimeout(
        () =>
          reject(new Error(`no collection cycle finished (${command.phase})`)),
        30 * 60_000,
      );
      logger.events.once('cycle', summary => {
        clearTimeout(timeout);
        resolve(summary);
      });
    });
    if (command.trigger === 'now') {
      await scheduler.triggerTask(TASK_ID);
    } else {
      // The follow-up the plugin schedules itself; trigger it if it never comes.
      const fallback = setTimeout(() => {
        scheduler.triggerTask(TASK_ID).catch(() => {});
      }, FOLLOW_UP_WAIT_MS);
      cycle.finally(() => clearTimeout(fallback)).catch(() => {});
    }
    const summary = await cycle;
    process.stdout.write(
      `[bench] ${command.phase} ends at ${Math.round(
        performance.now(),
      )} ms: ${JSON.stringify(summary)}\n`,
    );
    await allocations.stop();
    const resources = sampler.stop();
    return {
      phase: command.phase,
      evaluated: summary.evaluated,
      unchanged: summary.unchanged,
      timings: {
        catalogMs: summary.catalogMs,
        sourcesMs: summary.sourcesMs,
        evaluateMs: summary.evaluateMs,
        rollupMs: summary.rollupMs,
        totalMs: summary.totalMs,
      },
      catalogRequests: state.requests,
      ...resources,
    };
  } finally {
    state.collecting = false;
  }
}

/**
 * The heap profile asked for, if this phase is the one to profile (the cold one, or
 * BENCH_PROFILE_PHASE): everything allocated (BENCH_ALLOCATION_PROFILE) or only what
 * survived a young collection (BENCH_PROMOTION_PROFILE).
 */
function profileOf(
  phase: string,
): [file: string | undefined, options: { survivorsOnly: boolean }] {
  const { BENCH_ALLOCATION_PROFILE, BENCH_PROMOTION_PROFILE } = process.env;
  const file = BENCH_ALLOCATION_PROFILE ?? BENCH_PROMOTION_PROFILE;
  const profiled = phase === (process.env.BENCH_PROFILE_PHASE ?? 'cold');
  return [
    profiled ? file : undefined,
    { survivorsOnly: !BENCH_ALLOCATION_PROFILE },
  ];
}

let started: Started | undefined;
let databaseDirectory = '';

serveCommands<BackendCommand>(
  ['start', 'refresh', 'db-stats', 'live-heap', 'stop'],
  async (command): Promise<BackendReply | void> => {
    switch (command.type) {
      case 'start': {
        databaseDirectory = (command.config as any).backend.database.connection
          .directory;
        started = await start(command);
        const idle = settledMemory();
        return {
          type: 'ready',
          port: started.port,
          idleRssMb: idle.rssMb,
          idleHeapMb: idle.heapMb,
          entities: started.entities,
        };
      }
      case 'refresh':
        return { type: 'refreshed', figures: await refresh(started!, command) };
      case 'db-stats':
        return {
          type: 'db-stats',
          figures: await databaseFigures(
            join(databaseDirectory, 'maturity.sqlite'),
          ),
        };
      case 'live-heap':
        return { type: 'live-heap', heapMb: settledMemory().heapMb };
      case 'stop':
        await started?.backend.stop();
        process.exit(0);
        return undefined;
      default:
        throw new Error(`unknown command ${JSON.stringify(command)}`);
    }
  },
);
