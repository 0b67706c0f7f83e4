import { monitorEventLoopDelay } from 'node:perf_hooks';

const MB = 1024 * 1024;

/** Peak RSS and event-loop delay while one phase runs. */
export function startResourceSampler(intervalMs = 25) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    stop() {
      clearInterval(timer);
      delay.disable();
      peak = Math.max(peak, process.memoryUsage.rss());
      return {
        peakRssMb: round(peak / MB),
        eventLoopDelayP99Ms: round(delay.percentile(99) / 1e6),
      };
    },
  };
}

/**
 * RSS and heap in use after a full garbage collection (the bench runs with --expose-gc):
 * what the process really holds.
 */
export function settledMemory(): { rssMb: number; heapMb: number } {
  global.gc?.();
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: round(rss / MB), heapMb: round(heapUsed / MB) };
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}
