import type { SourcesResponse } from '@maturity/plugin-maturity-common';

/**
 * The latest run of each source, checked, with how long it took: figures from a run in which a source failed
 * would flatter us, so a failed source stops the benchmark with its error.
 */
export async function checkSourceRuns(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<Record<string, { status: string; durationMs: number }>> {
  const response = await fetch(`${baseUrl}/api/maturity/sources`, { headers });
  if (!response.ok)
    throw new Error(`GET /api/maturity/sources answered ${response.status}`);
  const { runs } = (await response.json()) as SourcesResponse;
  const latest = new Map<string, SourcesResponse['runs'][number]>();
  for (const run of runs) {
    const seen = latest.get(run.source);
    if (!seen || run.startedAt > seen.startedAt) latest.set(run.source, run);
  }
  const statuses: Record<string, { status: string; durationMs: number }> = {};
  for (const [source, run] of latest) {
    if (run.status === 'failed' || run.entities === 0)
      throw new Error(
        `source ${source} ${run.status} with ${run.entities} entities: ${
          run.error ?? 'no error recorded'
        }`,
      );
    statuses[source] = {
      status: run.status,
      durationMs:
        new Date(run.finishedAt ?? run.startedAt).getTime() -
        new Date(run.startedAt).getTime(),
    };
  }
  for (const source of ['catalog', 'github', 'kubernetes'])
    if (!statuses[source]) throw new Error(`source ${source} never ran`);
  return statuses;
}
