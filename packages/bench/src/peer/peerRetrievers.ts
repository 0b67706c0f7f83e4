import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techInsightsFactRetrieversExtensionPoint,
  type FactRetriever,
} from '@backstage-community/plugin-tech-insights-node';
import type { ServiceProfile } from '@maturity/sandbox';
import { factsForSource } from './peerFacts';
import { PEER_SOURCES, retrieverIdFor, type PeerCheck } from './peerRubric';

/**
 * One Tech Insights fact retriever per source, the way a Tech Insights adopter would
 * write one per integration. The handler builds its rows from the scenario on each run
 * (cheap next to storing them) so a run's time covers producing and storing the facts.
 */
export function createPeerRetrievers(
  checks: PeerCheck[],
  services: ServiceProfile[],
): FactRetriever[] {
  return PEER_SOURCES.map(source => {
    const ofSource = checks.filter(check => check.source === source);
    return {
      id: retrieverIdFor(source),
      version: '0.1.0',
      title: `Maturity rubric outcomes from ${source}`,
      description: `Intended outcome of each rubric check fed by ${source}`,
      schema: Object.fromEntries(
        ofSource.map(check => [
          check.factName,
          { type: 'boolean' as const, description: check.title },
        ]),
      ),
      handler: async () => factsForSource(source, checks, services),
    };
  }).filter(retriever => Object.keys(retriever.schema).length > 0);
}

/** What the peer's own module hands back from inside the tech-insights plugin scope. */
export interface PeerProbe {
  /** Number of rows in Tech Insights' `facts` table: proof the facts were stored. */
  countFactRows(): Promise<number>;
  /** Ids of the tasks TI scheduled (one per fact retriever it accepted). */
  scheduledTaskIds(): Promise<string[]>;
  /** Triggers one of TI's scheduled tasks (the test mock scheduler runs it to completion). */
  triggerTask(id: string): Promise<void>;
}

/**
 * A module of the tech-insights plugin that registers the retrievers through TI's own
 * extension point, and keeps the plugin's scheduler and database client: the bench
 * triggers the retrievers through the very scheduler TI used, and counts the stored rows
 * (TI swallows insert errors into a log line; counting makes a failed or unfinished
 * write an error instead of a silent zero).
 */
export function createPeerRetrieversModule(
  retrievers: FactRetriever[],
  onProbe: (probe: PeerProbe) => void,
) {
  return createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'maturity-bench-peer',
    register(env) {
      env.registerInit({
        deps: {
          factRetrievers: techInsightsFactRetrieversExtensionPoint,
          database: coreServices.database,
          scheduler: coreServices.scheduler,
        },
        async init({ factRetrievers, database, scheduler }) {
          factRetrievers.addFactRetrievers(
            Object.fromEntries(retrievers.map(r => [r.id, r])),
          );
          onProbe({
            async countFactRows() {
              const client = await database.getClient();
              const [row] = await client('facts').count({ count: '*' });
              return Number(row?.count ?? 0);
            },
            async scheduledTaskIds() {
              const tasks = await scheduler.getScheduledTasks();
              return tasks.map(task => task.id);
            },
            triggerTask: id => scheduler.triggerTask(id),
          });
        },
      });
    },
  });
}
