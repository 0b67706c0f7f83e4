import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { RollupResponse } from '@maturity/plugin-maturity-common';
import { DistributionBar } from '../DistributionBar';
import { percent } from '../GroupTreeTable';
import { LevelBadge } from '../LevelBadge';
import { RelativeTime } from '../RelativeTime';

/** Every service in view as one figure set: level, coverage, distribution. */
export function OrgSummary(props: { rollup: RollupResponse }) {
  const { org, computedAt } = props.rollup;
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      <LevelBadge level={org.level} />
      <Typography variant="body2">
        {org.assessed} of {org.services} services assessed (
        {percent(org.services ? org.coverage : null)} coverage)
        {org.provisional > 0 && `, ${org.provisional} provisional`}
      </Typography>
      {org.median !== null && (
        <Typography variant="body2" color="textSecondary">
          Median Level {org.median}, lowest Level {org.minimum}
        </Typography>
      )}
      <DistributionBar distribution={org.distribution} showTotal showLegend />
      {computedAt && (
        <Typography variant="caption" color="textSecondary">
          Last evaluated <RelativeTime iso={computedAt} showAbsolute />
        </Typography>
      )}
    </Box>
  );
}
