import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Evidence } from '@maturity/plugin-maturity-common';
import { RelativeTime } from '../RelativeTime';

const useStyles = makeStyles(theme => ({
  // Names, sources and times stay whole; the value column takes the rest and wraps.
  nowrap: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  value: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: 160,
    overflowY: 'auto',
    margin: 0,
  },
}));

/** Long JSON is shown pretty-printed but capped, so one fact cannot drown the page. */
function formatValue(value: Evidence['value']): string {
  if (value === null) return '—';
  const text =
    typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** The facts a check read: value, where from, when, and whether it is still fresh. */
export function EvidenceTable(props: { evidence: Evidence[] }) {
  const classes = useStyles();
  if (props.evidence.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This check reads no facts.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Evidence">
      <TableHead>
        <TableRow>
          <TableCell>Fact</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Source</TableCell>
          <TableCell>Observed</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.evidence.map(e => (
          <TableRow key={e.fact} data-fact={e.fact}>
            <TableCell className={classes.nowrap}>
              <code>{e.fact}</code>
            </TableCell>
            <TableCell width="100%">
              {e.problem ? (
                <Typography variant="body2" color="textSecondary">
                  Not observed: {e.problem}
                </Typography>
              ) : (
                <pre className={classes.value}>{formatValue(e.value)}</pre>
              )}
            </TableCell>
            <TableCell className={classes.nowrap}>{e.source ?? '—'}</TableCell>
            <TableCell className={classes.nowrap}>
              {e.observedAt ? (
                <RelativeTime iso={e.observedAt} showAbsolute />
              ) : (
                'never'
              )}
              {e.stale && (
                <>
                  {' '}
                  <Chip size="small" label="Stale" color="secondary" />
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
