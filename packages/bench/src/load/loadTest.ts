import { Agent, request } from 'node:http';

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

/** A request that has not been answered in this long counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Drives a running HTTP server with `connections` concurrent keep-alive connections for
 * `durationSeconds`, each sending its next request as soon as the last is answered, and
 * reports latency percentiles and throughput. A run with failures is reported, not
 * hidden: the caller decides whether the figures count.
 *
 * Answers are read and dropped as bytes. The load generator runs on the same two cores as
 * the server, so what it spends per answer is taken from the server: autocannon, used
 * before, decoded every body into a string, and for the org rollup (hundreds of KB, or
 * gzip bytes) it used a full core while the backend sat idle half the time.
 */
export async function loadTest(options: LoadTestOptions): Promise<LoadFigures> {
  const { paths, connections } = options;
  if (paths.length === 0) throw new Error('loadTest needs at least one path');
  const base = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;

  const once = (path: string) =>
    new Promise<boolean>(resolve => {
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          method: options.method ?? 'GET',
          headers: options.headers,
          timeout: REQUEST_TIMEOUT_MS,
        },
        res => {
          res.on('data', () => {}); // read and dropped
          res.on('end', () =>
            resolve(res.statusCode! >= 200 && res.statusCode! < 300),
          );
          res.on('error', () => resolve(false));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', () => resolve(false));
      req.end(options.body);
    });

  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  const connection = async () => {
    while (performance.now() < deadline) {
      const path = paths[next % paths.length];
      next += 1;
      const sent = performance.now();
      const ok = await once(path);
      latencies.push(performance.now() - sent);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  return {
    connections,
    p50Ms: round(percentileOf(latencies, 0.5)),
    p99Ms: round(percentileOf(latencies, 0.99)),
    requestsPerSecond: Math.round(latencies.length / elapsedSeconds),
    requests: latencies.length,
    failures,
  };
}

function percentileOf(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
