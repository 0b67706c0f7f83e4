/* eslint-disable no-console */
import { startHarness } from './__testUtils__/sandboxHarness';

/** Requests and run time of one collection over a scenario of `size` services. */
async function measure(size: number, pageSize: number) {
  const harness = await startHarness({ seed: 2026, size });
  try {
    const started = Date.now();
    const outcome = await harness.collect(harness.source({ pageSize }));
    expect(outcome.errors).toEqual([]);
    // What the sandbox saw must agree with what the source reports for the sources page.
    expect(harness.sandbox.requestCount()).toBe(outcome.requests);
    return {
      size,
      pageSize,
      requests: outcome.requests,
      facts: outcome.facts.length,
      handovers: outcome.handovers,
      ms: Date.now() - started,
    };
  } finally {
    await harness.close();
  }
}

describe('KubernetesFactSource request count', () => {
  it('does not grow with the number of services', async () => {
    // With pages large enough for every list, 100 and 1,000 services cost the same requests.
    const small = await measure(100, 5000);
    const large = await measure(1000, 5000);
    // The default page size adds pages (not per-entity requests) as object lists grow.
    const paged = await measure(1000, 500);
    console.log(
      [small, large, paged]
        .map(
          m =>
            `${m.size} services, pageSize ${m.pageSize}: ${
              m.requests
            } Kubernetes requests (${(m.requests / m.size).toFixed(
              3,
            )} per service), ${m.facts} facts, ${m.ms} ms`,
        )
        .join('\n'),
    );
    expect(large.requests).toBe(small.requests);
    expect(large.facts).toBeGreaterThan(small.facts * 5);
    expect(paged.requests).toBeLessThan(large.requests + 20);
    // A large catalog's facts reach the backend in parts while the run goes on.
    expect(large.handovers).toBeGreaterThanOrEqual(
      Math.floor(large.facts / 2_000) - 1,
    );
    expect(small.handovers).toBe(0);
  }, 120_000);
});
