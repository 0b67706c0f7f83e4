import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** One cluster the source collects from. */
export interface ClusterConnection {
  name: string;
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/** How requests are made. */
export interface RequestSettings {
  pageSize: number;
  requestTimeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
}

/** What the Kubernetes source reads from config. */
export interface KubernetesSourceConfig {
  clusters: ClusterConnection[];
  requests: RequestSettings;
  /** Locators or clusters that were skipped, with why; logged at start-up. */
  skipped: string[];
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  pageSize: 500,
  requestTimeoutMs: 15_000,
  maxRetries: 2,
  maxRetryAfterMs: 30_000,
};

/**
 * Reads clusters from `kubernetes.clusterLocatorMethods` (type `config`), the block the
 * Backstage Kubernetes plugin reads, and tuning from `maturity.kubernetes`. A cluster with
 * an auth provider the module cannot use on its own is skipped and reported, not guessed.
 */
export function readKubernetesSourceConfig(
  config: Config,
): KubernetesSourceConfig {
  const skipped: string[] = [];
  const clusters: ClusterConnection[] = [];
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  for (const locator of locators) {
    const type = locator.getString('type');
    if (type !== 'config') {
      skipped.push(
        `cluster locator of type ${type} (only type config is read)`,
      );
      continue;
    }
    for (const cluster of locator.getOptionalConfigArray('clusters') ?? []) {
      const name = cluster.getString('name');
      const authProvider =
        cluster.getOptionalString('authProvider') ?? 'serviceAccount';
      if (authProvider !== 'serviceAccount') {
        skipped.push(
          `cluster ${name}: auth provider ${authProvider} needs a user; use serviceAccount`,
        );
        continue;
      }
      clusters.push({
        name,
        url: cluster.getString('url'),
        token: cluster.getOptionalString('serviceAccountToken'),
        caData: cluster.getOptionalString('caData'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      });
    }
  }
  const tuning = config.getOptionalConfig('maturity.kubernetes');
  const count = (key: 'pageSize' | 'maxRetries', min: number): number => {
    const value =
      tuning?.getOptionalNumber(key) ?? DEFAULT_REQUEST_SETTINGS[key];
    if (!Number.isInteger(value) || value < min) {
      throw new Error(
        `Invalid maturity.kubernetes.${key}: must be a whole number ≥ ${min}, got ${value}`,
      );
    }
    return value;
  };
  const duration = (
    key: 'requestTimeout' | 'maxRetryAfter',
    fallbackMs: number,
  ): number => {
    if (!tuning?.has(key)) return fallbackMs;
    try {
      return durationToMilliseconds(readDurationFromConfig(tuning, { key }));
    } catch (error) {
      throw new Error(
        `Invalid maturity.kubernetes.${key}: ${
          error instanceof Error ? error.message : error
        }`,
      );
    }
  };
  return {
    clusters,
    requests: {
      pageSize: count('pageSize', 1),
      requestTimeoutMs: duration(
        'requestTimeout',
        DEFAULT_REQUEST_SETTINGS.requestTimeoutMs,
      ),
      maxRetries: count('maxRetries', 0),
      maxRetryAfterMs: duration(
        'maxRetryAfter',
        DEFAULT_REQUEST_SETTINGS.maxRetryAfterMs,
      ),
    },
    skipped,
  };
}
