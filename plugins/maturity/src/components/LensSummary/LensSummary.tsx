import { Gauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { RollupFigures } from '@maturity/plugin-maturity-common';
import { REPORTING_LENSES } from '../GroupTreeTable';

/**
 * The Level 4 reporting lenses: the share of known checks that pass, per lens, over
 * every service in view. A lens with nothing observed says so instead of showing 0%.
 */
export function LensSummary(props: { lenses: RollupFigures['lenses'] }) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={16}
      role="list"
      aria-label="Reporting lenses"
    >
      {REPORTING_LENSES.map(({ lens, title }) => {
        const share = props.lenses[lens];
        return (
          <Box key={lens} width={110} textAlign="center" role="listitem">
            <Typography variant="subtitle2">{title}</Typography>
            {share === null ? (
              <Typography variant="body2" color="textSecondary">
                Nothing observed
              </Typography>
            ) : (
              <Box
                aria-label={`${title}: ${Math.round(
                  share * 100,
                )}% of checks pass`}
              >
                <Gauge value={share} size="small" />
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
