import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The clusters, as the Backstage Kubernetes plugin reads them: platform teams configure
   * clusters once. The maturity Kubernetes module reads the `config` locator only.
   */
  kubernetes?: {
    clusterLocatorMethods?: Array<{
      /** Only `config` is read by the maturity module; other locators are skipped with a warning. */
      type: string;
      clusters?: Array<{
        /** Cluster name, shown in facts and errors. */
        name: string;
        /** API server URL. */
        url: string;
        /** `serviceAccount` for scheduled collection; other providers are skipped. */
        authProvider?: string;
        /**
         * Bearer token of a service account allowed to list the collected types cluster-wide.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /**
         * Base64-encoded PEM CA bundle of the API server.
         * @visibility secret
         */
        caData?: string;
        skipTLSVerify?: boolean;
      }>;
    }>;
  };

  maturity?: {
    /** Tuning of the Kubernetes fact source. */
    kubernetes?: {
      /** Items per LIST page (`limit`). Default 500. */
      pageSize?: number;
      /** Timeout of every single request. Default 15 seconds. */
      requestTimeout?: HumanDuration | string;
      /** Retries of a request answered 429 or 5xx, honouring Retry-After. Default 2. */
      maxRetries?: number;
      /**
       * The longest Retry-After worth waiting for within a run; a longer one fails the
       * cluster for this run, which is then recorded partial. Default 30 seconds.
       */
      maxRetryAfter?: HumanDuration | string;
    };
  };
}
