import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type { SourceRunSummary } from '@maturity/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { RelativeTime } from '../RelativeTime';
import { StaleWarning } from '../StaleWarning';

const STATUS = {
  ok: StatusOK,
  partial: StatusWarning,
  failed: StatusError,
  running: StatusRunning,
} as const;

/** Runs are listed newest first; the first one per source is its latest. */
function latestPerSource(runs: SourceRunSummary[]): SourceRunSummary[] {
  const latest = new Map<string, SourceRunSummary>();
  for (const run of [...runs].sort((a, b) =>
    b.startedAt.localeCompare(a.startedAt),
  )) {
    if (!latest.has(run.source)) latest.set(run.source, run);
  }
  return [...latest.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/**
 * Each source's latest collection run. A failed or partial run means checks reading that
 * source show `unknown` or rely on older facts: the platform team's first question.
 */
export function SourceRuns() {
  const api = useApi(maturityApiRef);
  const { value, loading, error } = useAsync(() => api.getSources(), [api]);
  const runs = value ? latestPerSource(value.runs) : [];
  const failing = runs.filter(
    r => r.status === 'failed' || r.status === 'partial',
  );
  return (
    <InfoCard title="Sources" subheader="Latest collection run per source">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && runs.length === 0 && (
        <Typography variant="body2">
          No collection has run yet; the first run starts a few seconds after
          the backend starts.
        </Typography>
      )}
      {failing.length > 0 && (
        <StaleWarning>
          {failing.map(r => r.source).join(', ')}: the last run did not
          complete, so checks reading{' '}
          {failing.length === 1 ? 'this source' : 'these sources'} keep older
          facts until they go stale.
        </StaleWarning>
      )}
      {runs.map(run => {
        const Status = STATUS[run.status];
        return (
          <Box
            key={run.source}
            display="flex"
            gridGap={16}
            alignItems="baseline"
            data-source={run.source}
          >
            <Box minWidth={120}>
              <Status>{run.source}</Status>
            </Box>
            <Typography variant="body2">
              {run.status} · <RelativeTime iso={run.startedAt} showAbsolute /> ·{' '}
              {run.entities} {run.entities === 1 ? 'entity' : 'entities'} ·{' '}
              {run.requests} {run.requests === 1 ? 'request' : 'requests'}
              {run.error ? ` · ${run.error}` : ''}
            </Typography>
          </Box>
        );
      })}
    </InfoCard>
  );
}
