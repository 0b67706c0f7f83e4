import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsJsonFactCheckerModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { Scenario } from '@maturity/sandbox';
import { peerRootConfig } from './peerConfig';
import {
  createPeerRetrievers,
  createPeerRetrieversModule,
} from './peerRetrievers';
import type { PeerProbe } from './peerRetrievers';
import type { PeerCheck } from './peerRubric';

/** A running Tech Insights backend loaded with the peer's retrievers and checks. */
export interface PeerBackend {
  baseUrl: string;
  retrieverIds: string[];
  /** Runs one retriever now, in this call, through TI's own handler (fetch + insertFacts). */
  runRetriever(id: string): Promise<void>;
  probe: PeerProbe;
  stop(): Promise<void>;
}

/**
 * Starts the published Tech Insights backend plugin and its json-rules-engine module in
 * the calling process (the peer's own process, see peerChild.ts), on a test backend: mock auth and permissions (allow all, as our side runs
 * without a permission policy too), the catalog mock holding the scenario's entities
 * (jsonfc asks it for entities when a check has a filter; ours have none), and a real
 * SQLite file in a temp directory.
 *
 * The scheduler is the test utils' mock: it runs nothing on its own, and `triggerTask`
 * runs a task's function to completion in the call. That lets the bench time TI's fact
 * retriever run (its handler and its `insertFacts`) without the real scheduler's
 * polling delay, which would measure the scheduler, not Tech Insights.
 */
export async function startPeerBackend(options: {
  scenario: Scenario;
  checks: PeerCheck[];
}): Promise<PeerBackend> {
  const { scenario, checks } = options;
  const databaseDirectory = await mkdtemp(join(tmpdir(), 'maturity-bench-ti-'));
  const retrievers = createPeerRetrievers(checks, scenario.services);
  // Filled in by the module's init (a holder, as TS does not track assignments in callbacks).
  const wired: { probe?: PeerProbe } = {};

  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  try {
    backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        techInsightsJsonFactCheckerModule,
        createPeerRetrieversModule(retrievers, probe => {
          wired.probe = probe;
        }),
        mockServices.rootConfig.factory({
          data: peerRootConfig({ databaseDirectory, checks, retrievers }),
        }),
        // Warnings and errors only: TI logs a failed retrieval or insert and carries on.
        mockServices.rootLogger.factory({ level: 'warn' }),
        databaseServiceFactory,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        catalogServiceMock.factory({ entities: scenario.entities }),
      ],
    });
  } catch (error) {
    await rm(databaseDirectory, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    try {
      await backend.stop();
    } finally {
      await rm(databaseDirectory, { recursive: true, force: true });
    }
  };

  // TI silently drops a retriever that has no config entry; make that loud.
  const scheduled = new Set((await wired.probe?.scheduledTaskIds()) ?? []);
  const retrieverIds = retrievers.map(r => r.id);
  const unscheduled = retrieverIds.filter(id => !scheduled.has(id));
  const probe = wired.probe;
  if (!probe || unscheduled.length > 0) {
    await stop();
    throw new Error(
      probe
        ? `Tech Insights did not schedule the peer retrievers ${unscheduled.join(
            ', ',
          )}`
        : 'The peer retrievers module did not initialise',
    );
  }

  return {
    baseUrl: `http://localhost:${backend.server.port()}`,
    retrieverIds,
    runRetriever: id => probe.triggerTask(id),
    probe,
    stop,
  };
}
