import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadFigures {
  connections: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  requests: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failures: number;
}

export interface LoadTestOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:7007`. */
  url: string;
  /** Paths to request in turn (one per request, round robin), e.g. many entities' scorecards. */
  paths: string[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

/**
 * Drives a running HTTP server with `connections` concurrent keep-alive connections for
 * `durationSeconds` and reports latency percentiles and throughput. A run with failures
 * is reported, not hidden: the caller decides whether the figures count.
 */
export async function loadTest(options: LoadTestOptions): Promise<LoadFigures> {
  const { paths } = options;
  if (paths.length === 0) throw new Error('loadTest needs at least one path');
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests: [
      {
        setupRequest: request => {
          const path = paths[next % paths.length];
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
  return {
    connections: options.connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
