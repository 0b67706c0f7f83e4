import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { GroupSummary } from '@maturity/plugin-maturity-common';
import { DistributionBar } from '../DistributionBar';
import { percent } from '../GroupTreeTable';
import { LevelBadge } from '../LevelBadge';
import { TrendIndicator } from '../TrendIndicator';

/** A team's figures: level, coverage, median and minimum, distribution and trend. */
export function TeamSummary(props: { group: GroupSummary }) {
  const { figures, trend } = props.group;
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      <LevelBadge level={figures.level} />
      <Typography variant="body2">
        {figures.assessed} of {figures.services} services assessed (
        {percent(figures.services ? figures.coverage : null)} coverage)
        {figures.provisional > 0 && `, ${figures.provisional} provisional`}
      </Typography>
      {figures.median !== null && (
        <Typography variant="body2" color="textSecondary">
          Median Level {figures.median}, lowest Level {figures.minimum}
        </Typography>
      )}
      <DistributionBar
        distribution={figures.distribution}
        showTotal
        showLegend
      />
      <TrendIndicator level={figures.level} trend={trend} />
    </Box>
  );
}
