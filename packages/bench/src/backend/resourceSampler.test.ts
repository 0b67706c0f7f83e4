import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startResourceSampler } from './resourceSampler';

// A full collection on demand, as the benchmark's backend (run with --expose-gc) has.
setFlagsFromString('--expose-gc');
const fullCollection = runInNewContext('gc') as () => void;

describe('startResourceSampler', () => {
  it('reports the heap in use after a full collection that ran during the phase', async () => {
    const sampler = startResourceSampler(5);
    const held = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    fullCollection();
    // Garbage collection entries reach observers on a later turn of the event loop.
    await new Promise(resolve => setTimeout(resolve, 50));
    const figures = sampler.stop();

    expect(held).toHaveLength(200_000);
    expect(figures.heapAfterFullGcMb).not.toBeNull();
    expect(figures.heapAfterFullGcMb!).toBeGreaterThan(0);
    expect(figures.heapAfterFullGcMb! * 1024 * 1024).toBeLessThanOrEqual(
      process.memoryUsage().heapTotal,
    );
    expect(figures.peakRssMb).toBeGreaterThan(0);
  });
});
