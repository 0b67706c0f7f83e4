import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import type { Lens, RollupResponse } from '@maturity/plugin-maturity-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { CsvExportButton } from '../CsvExportButton';
import { GroupTreeTable } from '../GroupTreeTable';
import { LensPicker, LensSummary } from '../LensSummary';
import { RollupFilters, type Filters } from '../RollupFilters';
import { RelativeTime } from '../RelativeTime';
import { StaleWarning } from '../StaleWarning';
import { OrgSummary } from './OrgSummary';

// Collection runs every 30 minutes by default; a day without a new evaluation means
// collection has stopped, and leadership should not read old figures as today's.
const STALE_AFTER_MS = 24 * 3_600_000;

/**
 * The org rollup: the whole group tree with each team's level, distribution, coverage,
 * trend and lens shares; filters by lifecycle, system and tier (kept in the URL, so a
 * filtered view can be shared); CSV export.
 */
export function OrgPage(props: { teamLink: (groupRef: string) => string }) {
  const api = useApi(maturityApiRef);
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    lifecycle: params.get('lifecycle') ?? undefined,
    system: params.get('system') ?? undefined,
    tier: params.get('tier') ?? undefined,
  };
  const { value, loading, error } = useAsync(
    () => api.getRollup(filters),
    [api, filters.lifecycle, filters.system, filters.tier],
  );
  const lens = (params.get('lens') as Lens | null) ?? undefined;
  const setParam = (key: string, v?: string) => {
    const search = new URLSearchParams(params);
    if (v) search.set(key, v);
    else search.delete(key);
    setParams(search, { replace: true });
  };
  const onFilters = (next: Filters) => {
    const search = new URLSearchParams(params);
    for (const key of ['lifecycle', 'system', 'tier'] as const) {
      const v = next[key];
      if (v) search.set(key, v);
      else search.delete(key);
    }
    setParams(search, { replace: true });
  };

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box
        display="flex"
        flexWrap="wrap"
        justifyContent="space-between"
        alignItems="flex-end"
        gridGap={16}
      >
        <RollupFilters value={filters} onChange={onFilters} />
        <CsvExportButton />
      </Box>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <RollupContent
          rollup={value}
          teamLink={props.teamLink}
          lens={lens}
          onLens={next => setParam('lens', next)}
        />
      )}
    </Box>
  );
}

function RollupContent(props: {
  rollup: RollupResponse;
  teamLink: (groupRef: string) => string;
  lens?: Lens;
  onLens: (lens?: Lens) => void;
}) {
  const { rollup } = props;
  const filtered = Object.values(rollup.filters).some(Boolean);
  if (rollup.groups.length === 0 && rollup.org.services === 0) {
    return (
      <EmptyState
        missing={filtered ? 'data' : 'info'}
        title={filtered ? 'Nothing matches these filters' : 'No teams yet'}
        description={
          filtered
            ? 'No service carries this combination of lifecycle, system and tier. Clear a filter to see more.'
            : 'The rollup fills in after the first collection run, from the Groups and the Components they own in the catalog.'
        }
      />
    );
  }
  const stale =
    rollup.computedAt &&
    Date.now() - new Date(rollup.computedAt).getTime() > STALE_AFTER_MS;
  return (
    <Grid container spacing={3}>
      {stale && rollup.computedAt && (
        <Grid item xs={12}>
          <StaleWarning>
            These figures were last evaluated{' '}
            <RelativeTime iso={rollup.computedAt} showAbsolute />: collection
            may have stopped.
          </StaleWarning>
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <InfoCard
          title="Organisation"
          subheader={filtered ? 'Filtered' : undefined}
        >
          <OrgSummary rollup={rollup} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard
          title="Reporting lenses"
          subheader="Share of observed checks that pass"
        >
          <LensSummary lenses={rollup.org.lenses} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <LensPicker value={props.lens} onChange={props.onLens} />
        <GroupTreeTable
          title="Teams"
          groups={rollup.groups}
          teamLink={props.teamLink}
          lens={props.lens}
        />
      </Grid>
    </Grid>
  );
}
