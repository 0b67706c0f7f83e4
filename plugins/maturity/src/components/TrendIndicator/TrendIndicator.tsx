import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import TrendingFlatIcon from '@material-ui/icons/TrendingFlat';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import type { GroupSummary } from '@maturity/plugin-maturity-common';

/** The team level now against its level `days` ago, as an arrow and words. */
export function TrendIndicator(props: {
  level: number;
  trend: GroupSummary['trend'];
}) {
  const { level, trend } = props;
  if (!trend || trend.previousLevel === null) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ whiteSpace: 'nowrap' }}
      >
        No trend yet
      </Typography>
    );
  }
  const delta = level - trend.previousLevel;
  const words =
    delta === 0
      ? `Unchanged in ${trend.days} days`
      : `${delta > 0 ? 'Up' : 'Down'} from Level ${trend.previousLevel} in ${
          trend.days
        } days`;
  let icon = <TrendingFlatIcon fontSize="small" color="disabled" />;
  if (delta > 0) icon = <TrendingUpIcon fontSize="small" color="primary" />;
  if (delta < 0) icon = <TrendingDownIcon fontSize="small" color="error" />;
  return (
    <Box display="flex" alignItems="center" gridGap={4}>
      {icon}
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        {words}
      </Typography>
    </Box>
  );
}
