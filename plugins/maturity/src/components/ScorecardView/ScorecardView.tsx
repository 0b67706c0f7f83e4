import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@maturity/plugin-maturity-common';
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { ChecksPanel } from '../ChecksPanel';
import { DimensionChart } from '../DimensionChart';
import { HistoryPanel } from '../HistoryPanel';
import { LevelBadge } from '../LevelBadge';
import { NextLevelProgress } from '../NextLevelProgress';
import { NotAssessed } from '../NotAssessed';
import { RefreshButton } from '../RefreshButton';
import { RelativeTime } from '../RelativeTime';
import { StaleWarning } from '../StaleWarning';

/**
 * A service's whole scorecard: level, levels per dimension, history with the reasons it
 * changed, and every check with its evidence. `?check=<id>` opens one check.
 */
export function ScorecardView(props: { entityRef: CompoundEntityRef }) {
  const api = useApi(maturityApiRef);
  const { kind, namespace, name } = props.entityRef;
  const focusedCheck =
    new URLSearchParams(useLocation().search).get('check') ?? undefined;
  const [refreshed, setRefreshed] = useState<EntityScorecard>();
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.getScorecard({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const onRefreshed = useCallback((scorecard: EntityScorecard) => {
    setRefreshed(scorecard);
    setVersion(v => v + 1);
  }, []);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const scorecard = refreshed ?? value;
  if (!scorecard) return null;
  const refresh = (
    <RefreshButton entityRef={props.entityRef} onRefreshed={onRefreshed} />
  );
  if (!scorecard.evaluatedAt || !scorecard.assessed) {
    return (
      <InfoCard title="Maturity">
        <NotAssessed scorecard={scorecard} />
        {refresh}
      </InfoCard>
    );
  }

  return (
    <Grid container spacing={3}>
      {scorecard.stale && (
        <Grid item xs={12}>
          <StaleWarning />
        </Grid>
      )}
      <Grid item xs={12} md={4}>
        <InfoCard title="Level">
          <LevelBadge
            level={scorecard.level}
            provisional={scorecard.provisional}
          />
          {scorecard.cappedBy && (
            <Typography variant="body2" color="textSecondary">
              Capped by {scorecard.cappedBy}
            </Typography>
          )}
          <NextLevelProgress scorecard={scorecard} />
          <Box mt={2} mb={2}>
            <Typography variant="body2" color="textSecondary">
              Evaluated{' '}
              <RelativeTime iso={scorecard.evaluatedAt} showAbsolute />
            </Typography>
          </Box>
          {refresh}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Levels per dimension">
          <DimensionChart dimensions={scorecard.dimensions} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="History" subheader="Level per day, last 90 days">
          <HistoryPanel entityRef={props.entityRef} version={version} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Checks">
          <ChecksPanel checks={scorecard.checks} focusedCheck={focusedCheck} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
