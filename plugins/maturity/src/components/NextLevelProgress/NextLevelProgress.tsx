import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@maturity/plugin-maturity-common';

/** Progress to the next level as a bar with its percentage; at Level 5 it says so. */
export function NextLevelProgress(props: { scorecard: EntityScorecard }) {
  const { nextLevel, level } = props.scorecard;
  if (!nextLevel) {
    return level === 5 ? (
      <Box mt={2}>
        <Typography variant="body2">
          Level 5 reached: the top of the model.
        </Typography>
      </Box>
    ) : null;
  }
  const percent = Math.round(nextLevel.progress * 100);
  if (nextLevel.level <= level) {
    // A level drops only after two evaluations in a row agree (no flapping); until
    // then the backend reports progress toward the level that is held, not above it.
    return (
      <Box mt={2}>
        <Typography variant="body2">
          Level {nextLevel.level} is not met right now ({percent}% of its
          weighted checks pass). It is kept until the next evaluation confirms
          the drop.
        </Typography>
        <LinearProgress
          variant="determinate"
          color="secondary"
          value={percent}
          aria-label={`Level ${nextLevel.level} met by ${percent}%`}
        />
      </Box>
    );
  }
  return (
    <Box mt={2}>
      <Typography variant="body2">
        Progress to Level {nextLevel.level}: {percent}%
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`Progress to Level ${nextLevel.level}`}
      />
    </Box>
  );
}
