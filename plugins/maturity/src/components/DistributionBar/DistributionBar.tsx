import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  LEVEL_NAMES,
  type PlacementLevel,
} from '@maturity/plugin-maturity-common';
import { LEVEL_COLORS } from '../LevelBadge';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 14,
    minWidth: 120,
    borderRadius: 3,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
  },
  segment: { height: '100%' },
  swatch: { display: 'inline-block', width: 10, height: 10, borderRadius: 2 },
}));

/**
 * How many assessed services sit at each level, as one stacked bar (Level 0 on the left).
 * The counts are spelled out for screen readers and on hover.
 */
export function DistributionBar(props: {
  distribution: readonly number[];
  /** Shows "n services" under the bar. */
  showTotal?: boolean;
  /** Spells out the count per level under the bar, in the bar's colours. */
  showLegend?: boolean;
}) {
  const classes = useStyles();
  const total = props.distribution.reduce((sum, n) => sum + n, 0);
  const parts = props.distribution
    .map((count, level) => ({ count, level: level as PlacementLevel }))
    .filter(p => p.count > 0);
  const summary = total
    ? parts.map(p => `Level ${p.level}: ${p.count}`).join(', ')
    : 'No assessed services';
  return (
    <Box>
      <div className={classes.bar} role="img" aria-label={summary}>
        {parts.map(p => (
          <Tooltip
            key={p.level}
            title={`Level ${p.level} · ${LEVEL_NAMES[p.level]}: ${p.count}`}
          >
            <div
              className={classes.segment}
              data-level={p.level}
              style={{
                width: `${(p.count / total) * 100}%`,
                backgroundColor: LEVEL_COLORS[p.level],
              }}
            />
          </Tooltip>
        ))}
      </div>
      {props.showLegend && total > 0 && (
        <Box display="flex" flexWrap="wrap" gridGap={12} mt={0.5} aria-hidden>
          {parts.map(p => (
            <Box key={p.level} display="flex" alignItems="center" gridGap={4}>
              <span
                className={classes.swatch}
                style={{ backgroundColor: LEVEL_COLORS[p.level] }}
              />
              <Typography variant="caption">
                L{p.level}: {p.count}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {props.showTotal && (
        <Typography variant="caption" color="textSecondary">
          {total} assessed {total === 1 ? 'service' : 'services'}
        </Typography>
      )}
    </Box>
  );
}
