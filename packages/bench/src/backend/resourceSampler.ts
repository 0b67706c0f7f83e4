import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';

const MB = 1024 * 1024;

/**
 * Peak RSS (with the heap in use at that moment) and event-loop delay while one phase
 * runs, and the most heap still in use
 * right after one of V8's own full collections in it: what the phase really held at its
 * fullest, as opposed to the garbage V8 let pile up before collecting (the RSS peak).
 * Null when V8 ran no full collection in the phase.
 */
export function startResourceSampler(intervalMs = 25) {
  let peak = process.memoryUsage.rss();
  // What V8's heap held (garbage included) when the RSS peaked: tells a heap V8 let grow
  // from memory held outside it.
  let heapAtPeak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss <= peak) return;
    peak = rss;
    heapAtPeak = process.memoryUsage().heapUsed;
  }, intervalMs);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let heapAfterFullGc: number | null = null;
  const fullCollections = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      // Observed a moment after the collection: an upper bound by what was allocated since.
      const { heapUsed } = process.memoryUsage();
      heapAfterFullGc = Math.max(heapAfterFullGc ?? 0, heapUsed);
    }
  });
  fullCollections.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      clearInterval(timer);
      delay.disable();
      fullCollections.disconnect();
      peak = Math.max(peak, process.memoryUsage.rss());
      return {
        peakRssMb: round(peak / MB),
        heapAtPeakRssMb: round(heapAtPeak / MB),
        heapAfterFullGcMb:
          heapAfterFullGc === null ? null : round(heapAfterFullGc / MB),
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
