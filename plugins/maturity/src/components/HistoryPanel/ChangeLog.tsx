import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import type { LevelChange } from '@maturity/plugin-maturity-common';
import { useState } from 'react';
import { RelativeTime } from '../RelativeTime';

// A first placement lists every check; a handful is what a reader takes in at once.
const SHOWN = 3;

function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function levelWords(level: number | null): string {
  return level === null ? 'First placement' : `Level ${level}`;
}

function Change({ change }: { change: LevelChange }) {
  const [all, setAll] = useState(false);
  const causes = all ? change.causes : change.causes.slice(0, SHOWN);
  const hidden = change.causes.length - causes.length;
  return (
    <ListItem disableGutters alignItems="flex-start" divider>
      <Box width="100%">
        <Typography variant="body2">
          <strong>
            {levelWords(change.fromLevel)} → Level {change.toLevel}
          </strong>{' '}
          <RelativeTime iso={change.changedAt} showAbsolute />
        </Typography>
        {causes.map(cause => (
          <Box key={cause.checkId} ml={2}>
            <Typography variant="body2">
              <code>{cause.checkId}</code>: {cause.from ?? 'new'} → {cause.to}
            </Typography>
            {cause.facts.map(f => (
              <Typography
                key={f.fact}
                variant="caption"
                color="textSecondary"
                component="div"
                style={{ marginLeft: 16, overflowWrap: 'anywhere' }}
              >
                {f.fact}: {show(f.before)} → {show(f.after)}
              </Typography>
            ))}
          </Box>
        ))}
        {hidden > 0 && (
          <Button size="small" color="primary" onClick={() => setAll(true)}>
            Show all {change.causes.length} checks that changed
          </Button>
        )}
      </Box>
    </ListItem>
  );
}

/** Each level change, newest first, with the checks that flipped and the facts behind them. */
export function ChangeLog(props: { changes: LevelChange[] }) {
  if (props.changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The level has not changed in this period.
      </Typography>
    );
  }
  const newestFirst = [...props.changes].sort((a, b) =>
    b.changedAt.localeCompare(a.changedAt),
  );
  return (
    <List dense aria-label="Level changes">
      {newestFirst.map(change => (
        <Change key={change.changedAt} change={change} />
      ))}
    </List>
  );
}
