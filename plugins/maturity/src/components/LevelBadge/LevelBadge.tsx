import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  LEVEL_NAMES,
  type PlacementLevel,
} from '@maturity/plugin-maturity-common';
import { LEVEL_COLORS } from './levelColors';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: 64,
    height: 64,
    borderRadius: '50%',
    fontSize: 32,
    fontWeight: 700,
    color: theme.palette.common.white,
    flexShrink: 0,
  },
  small: { width: 28, height: 28, fontSize: 14 },
  provisional: { border: `3px dashed ${theme.palette.warning.main}` },
}));

/** The level's words: "Level 3 · Scale", or that Level 1 is not reached. */
export function levelLabel(level: PlacementLevel): string {
  return level === 0
    ? 'Level 1 not reached'
    : `Level ${level} · ${LEVEL_NAMES[level]}`;
}

/**
 * The level as a round badge with its name; provisional levels get a dashed ring.
 * `size="small"` is the table form: a small badge and the level's name on one line.
 * @public
 */
export function LevelBadge(props: {
  level: PlacementLevel;
  provisional?: boolean;
  size?: 'large' | 'small';
}) {
  const classes = useStyles();
  const { level, provisional, size = 'large' } = props;
  const small = size === 'small';
  return (
    <Box
      display="flex"
      alignItems="center"
      gridGap={small ? 8 : 12}
      data-level={level}
    >
      <span
        className={`${classes.badge} ${small ? classes.small : ''} ${
          provisional ? classes.provisional : ''
        }`}
        style={{ backgroundColor: LEVEL_COLORS[level] }}
        aria-label={`Level ${level}${provisional ? ' (provisional)' : ''}`}
      >
        {level}
      </span>
      <Box>
        <Typography variant={small ? 'body2' : 'h6'}>
          {small
            ? `${LEVEL_NAMES[level]}${provisional ? ' (provisional)' : ''}`
            : levelLabel(level)}
        </Typography>
        {provisional && !small && (
          <Typography variant="caption" color="textSecondary">
            Provisional: a required check could not be observed
          </Typography>
        )}
      </Box>
    </Box>
  );
}
