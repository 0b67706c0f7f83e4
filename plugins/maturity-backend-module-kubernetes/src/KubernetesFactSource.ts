import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { KUBERNETES_FACTS } from '@maturity/plugin-maturity-common';
import {
  FactHandover,
  type FactCollectionContext,
  type FactCollectionOutcome,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { ClusterClient } from './client/ClusterClient';
import {
  collectClusterSnapshot,
  type ClusterSnapshot,
} from './client/collectClusterSnapshot';
import {
  readKubernetesSourceConfig,
  type ClusterConnection,
  type RequestSettings,
} from './config/readKubernetesSourceConfig';
import { buildEntityFacts } from './facts/buildEntityFacts';
import { findWorkloads } from './facts/matchedWorkload';
import { entityLinkOf } from './matching/entityLink';

/** @public */
export interface KubernetesFactSourceOptions {
  clusters: ClusterConnection[];
  requests: RequestSettings;
}

/**
 * Collects Kubernetes facts for every entity of a run with one paged LIST per object type
 * per cluster, then matches workloads to entities in memory: the number of requests does
 * not depend on the number of entities.
 *
 * A cluster that cannot be read completely is reported in `errors`; entities that matched
 * nothing on the readable clusters then get no facts at all (their workloads may be on the
 * unreadable one), so their last facts stay and turn stale instead of being invented.
 * @public
 */
export class KubernetesFactSource implements MaturityFactSource {
  readonly id = 'kubernetes';
  readonly factNames = Object.values(KUBERNETES_FACTS);

  constructor(private readonly options: KubernetesFactSourceOptions) {}

  /** Reads clusters from `kubernetes.clusterLocatorMethods` and tuning from `maturity.kubernetes`. */
  static fromConfig(
    config: Config,
    deps: { logger: LoggerService },
  ): KubernetesFactSource {
    const { clusters, requests, skipped } = readKubernetesSourceConfig(config);
    for (const reason of skipped)
      deps.logger.warn(`Maturity Kubernetes source skips ${reason}`);
    if (clusters.length === 0) {
      deps.logger.warn(
        'Maturity Kubernetes source has no cluster configured (kubernetes.clusterLocatorMethods)',
      );
    }
    return new KubernetesFactSource({ clusters, requests });
  }

  async collect(
    context: FactCollectionContext,
  ): Promise<FactCollectionOutcome> {
    const { entities, logger, signal, now } = context;
    const clients = this.options.clusters.map(
      c => new ClusterClient(c, this.options.requests, signal),
    );
    const results = await Promise.allSettled(
      clients.map(collectClusterSnapshot),
    );
    signal.throwIfAborted();
    const snapshots: ClusterSnapshot[] = [];
    const errors: string[] = [];
    results.forEach((result, index) => {
      const { name } = clients[index].connection;
      if (result.status === 'rejected') {
        errors.push(`cluster ${name}: ${messageOf(result.reason)}`);
        return;
      }
      const snapshot = result.value;
      snapshots.push(snapshot);
      const missing = [...snapshot.notInstalled];
      logger.info(
        `Read cluster ${name} in ${clients[index].requestCount} requests: ` +
          `${
            snapshot.deployments.length + snapshot.statefulSets.length
          } workloads; ` +
          `not installed: ${missing.length ? missing.join(', ') : 'none'}`,
      );
    });
    const someClusterFailed = snapshots.length < clients.length;

    // Handed over a part at a time: a catalog's facts held until the end of the run
    // outlived the young generation and were all collected as old garbage.
    const handover = new FactHandover(context.storeFacts);
    let skippedEntities = 0;
    for (const entity of entities) {
      if (entity.kind.toLocaleLowerCase('en-US') !== 'component') continue;
      const entityRef = stringifyEntityRef(entity);
      let link;
      try {
        link = entityLinkOf(entity);
      } catch (error) {
        // The entity's own annotation is wrong: its scorecard is the place to say so.
        await handover.add([
          {
            entityRef,
            name: KUBERNETES_FACTS.workloads,
            value: null,
            problem: `The Kubernetes annotations cannot be used: ${messageOf(
              error,
            )}`,
          },
        ]);
        continue;
      }
      if (!link) {
        // Not linked: workload-linked fails with its hint; no other check has anything to read.
        await handover.add([
          { entityRef, name: KUBERNETES_FACTS.workloads, value: [] },
        ]);
        continue;
      }
      const workloads = findWorkloads(link, snapshots);
      if (workloads.length === 0 && someClusterFailed) {
        skippedEntities += 1;
        continue;
      }
      await handover.add(buildEntityFacts(entityRef, link, workloads, now));
    }
    if (skippedEntities > 0) {
      logger.warn(
        `${skippedEntities} linked entities matched nothing on the readable clusters; their facts are left as they were`,
      );
    }
    return {
      facts: handover.rest(),
      requests: clients.reduce((sum, client) => sum + client.requestCount, 0),
      errors,
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
