import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@maturity/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { topBlockers } from '../../utils/blockers';
import { useEntityLink } from '../../utils/entityLink';
import { CheckFix } from '../CheckFix';
import { CheckStateChip } from '../CheckStateChip';
import { LevelBadge } from '../LevelBadge';
import { NextLevelProgress } from '../NextLevelProgress';
import { NotAssessed } from '../NotAssessed';
import { StaleWarning } from '../StaleWarning';

const TOP = 5;

/**
 * The maturity summary on an entity's overview page: level, progress to the next level
 * and the few checks to fix first, each with how to fix it.
 * @public
 */
export function EntityMaturityCard() {
  const { entity } = useEntity();
  const api = useApi(maturityApiRef);
  const entityLink = useEntityLink();
  const entityRef = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getScorecard(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name],
  );

  return (
    <Box component="section" aria-label="Maturity scorecard" height="100%">
      <InfoCard
        title="Maturity"
        subheader="CNCF Cloud Native Maturity Model"
        deepLink={{
          title: 'All checks and evidence',
          link: entityLink(stringifyEntityRef(entity), { tab: true }),
        }}
      >
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <ScorecardSummary scorecard={value} />}
      </InfoCard>
    </Box>
  );
}

function ScorecardSummary({ scorecard }: { scorecard: EntityScorecard }) {
  if (!scorecard.evaluatedAt || !scorecard.assessed) {
    return <NotAssessed scorecard={scorecard} />;
  }
  const { checks, more } = topBlockers(scorecard, TOP);
  return (
    <>
      {scorecard.stale && <StaleWarning />}
      <LevelBadge level={scorecard.level} provisional={scorecard.provisional} />
      {scorecard.cappedBy && (
        <Typography variant="body2" color="textSecondary">
          Capped by {scorecard.cappedBy}
        </Typography>
      )}
      <NextLevelProgress scorecard={scorecard} />
      {checks.length > 0 ? (
        <Box mt={2}>
          <Typography variant="subtitle2">Fix these first</Typography>
          <List dense aria-label="Top blockers">
            {checks.map(check => (
              <ListItem
                key={check.checkId}
                disableGutters
                data-check={check.checkId}
                alignItems="flex-start"
              >
                <Box mr={2} mt={0.5}>
                  <CheckStateChip state={check.state} />
                </Box>
                <ListItemText
                  // The theme makes list text one clipped line; hints must wrap to be read.
                  style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
                  primary={`L${check.level} · ${check.title}`}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      <div>{check.reason}</div>
                      <CheckFix check={check} />
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
          {more > 0 && (
            <Typography variant="body2" color="textSecondary">
              {more} more {more === 1 ? 'check needs' : 'checks need'} work on
              the Maturity tab.
            </Typography>
          )}
        </Box>
      ) : (
        <Box mt={2}>
          <Typography variant="body2">
            Nothing blocks the next level: every observed check passes.
          </Typography>
        </Box>
      )}
    </>
  );
}
