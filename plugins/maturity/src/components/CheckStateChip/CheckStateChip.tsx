import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { CheckState } from '@maturity/plugin-maturity-common';

const LABELS: Record<CheckState, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
  'not-applicable': 'N/A',
  waived: 'Waived',
};

const useStyles = makeStyles(theme => ({
  chip: { minWidth: 72, fontWeight: 600 },
  pass: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  fail: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  unknown: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.common.white,
  },
  'not-applicable': {
    backgroundColor: theme.palette.grey[300],
    color: theme.palette.text.primary,
  },
  waived: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
}));

/**
 * A check's state as a coloured chip. A waiver's expiry is part of the label: a waived
 * check counts again the day it expires, and that is what the reader needs to know.
 * @public
 */
export function CheckStateChip(props: {
  state: CheckState;
  waiverExpires?: string;
}) {
  const classes = useStyles();
  const label =
    props.state === 'waived' && props.waiverExpires
      ? `Waived until ${props.waiverExpires.slice(0, 10)}`
      : LABELS[props.state];
  return (
    <Chip
      size="small"
      label={label}
      className={`${classes.chip} ${classes[props.state]}`}
      data-state={props.state}
    />
  );
}
