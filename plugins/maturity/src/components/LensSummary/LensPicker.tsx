import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import type { Lens } from '@maturity/plugin-maturity-common';
import { REPORTING_LENSES } from '../GroupTreeTable';

/** Picks the reporting lens the team table is read through (one column, not four). */
export function LensPicker(props: {
  value?: Lens;
  onChange: (lens?: Lens) => void;
}) {
  return (
    <Box display="flex" alignItems="center" gridGap={12} mb={1}>
      <Typography variant="body2">Read teams through a lens</Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={props.value ?? null}
        onChange={(_, lens: Lens | null) => props.onChange(lens ?? undefined)}
        aria-label="Reporting lens"
      >
        {REPORTING_LENSES.map(({ lens, title }) => (
          <ToggleButton key={lens} value={lens}>
            {title}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}
