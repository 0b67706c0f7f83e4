import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The GitHub source's tuning, from `maturity.github`. @public */
export interface GithubSourceOptions {
  host: string;
  batchSize: number;
  concurrency: number;
  requestTimeoutMs: number;
  maxRetries: number;
  maxRetryAfterSeconds: number;
  refreshAfterMs: number;
}

export const DEFAULT_GITHUB_SOURCE_OPTIONS: GithubSourceOptions = {
  host: 'github.com',
  batchSize: 50,
  concurrency: 2,
  requestTimeoutMs: 30_000,
  maxRetries: 2,
  maxRetryAfterSeconds: 60,
  refreshAfterMs: 6 * 3_600_000,
};

const PREFIX = 'maturity.github';

/** Reads `maturity.github`; a bad value throws naming its key. @public */
export function readGithubSourceOptions(root: Config): GithubSourceOptions {
  const config = root.getOptionalConfig(PREFIX);
  const defaults = DEFAULT_GITHUB_SOURCE_OPTIONS;
  if (!config) return defaults;
  const integer = (key: string, min: number, max: number, fallback: number) => {
    const value = config.getOptionalNumber(key);
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `${PREFIX}.${key} must be a whole number from ${min} to ${max}, got ${value}`,
      );
    }
    return value;
  };
  const duration = (key: string, fallback: number) => {
    if (!config.has(key)) return fallback;
    let ms: number;
    try {
      ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
    } catch (error) {
      throw new Error(
        `${PREFIX}.${key} is not a duration: ${(error as Error).message}`,
      );
    }
    if (!(ms > 0)) throw new Error(`${PREFIX}.${key} must be longer than zero`);
    return ms;
  };
  return {
    host: config.getOptionalString('host') ?? defaults.host,
    batchSize: integer('batchSize', 1, 100, defaults.batchSize),
    concurrency: integer('concurrency', 1, 10, defaults.concurrency),
    requestTimeoutMs: duration('requestTimeout', defaults.requestTimeoutMs),
    maxRetries: integer('maxRetries', 0, 5, defaults.maxRetries),
    maxRetryAfterSeconds: Math.round(
      duration('maxRetryAfter', defaults.maxRetryAfterSeconds * 1000) / 1000,
    ),
    refreshAfterMs: duration('refreshAfter', defaults.refreshAfterMs),
  };
}
