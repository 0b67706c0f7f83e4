import type { HumanDuration } from '@backstage/types';

export interface Config {
  maturity?: {
    /**
     * Tuning of the GitHub fact source. Credentials are not here: they come from
     * `integrations.github` (a token or a GitHub App), like every other GitHub plugin.
     */
    github?: {
      /** Which `integrations.github` host `github.com/project-slug` refers to. Default github.com. */
      host?: string;
      /** Repositories per GraphQL query, 1–100. Default 50; lower it if GitHub times out queries. */
      batchSize?: number;
      /** Requests in flight at once. Default 2 (GitHub asks integrations to avoid concurrency). */
      concurrency?: number;
      /** Timeout of each request attempt. Default 30 seconds. */
      requestTimeout?: HumanDuration | string;
      /** Retries of a failed request (5xx, timeout, rate limit). Default 2. */
      maxRetries?: number;
      /**
       * Longest Retry-After or rate-limit reset worth waiting for within a run; a longer
       * wait fails the affected requests and the run is recorded partial. Default 60 seconds.
       */
      maxRetryAfter?: HumanDuration | string;
      /**
       * A repository nobody pushed to is re-read at the latest after this long, because
       * deployments, environments and alerts change without a push. Until then its facts are
       * carried over from the last read. Keep it well below `maturity.facts.staleAfter`.
       * Default 6 hours.
       */
      refreshAfter?: HumanDuration | string;
    };
  };
}
