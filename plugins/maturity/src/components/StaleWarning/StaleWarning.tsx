import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { ReactNode } from 'react';

/** The one way every view says its evidence is old, so users learn to read it once. */
export function StaleWarning(props: { children?: ReactNode }) {
  return (
    <Box mb={2}>
      <Alert severity="warning" data-testid="stale-warning">
        {props.children ??
          'Some evidence is stale: the checks that read it show as unknown until the next successful collection.'}
      </Alert>
    </Box>
  );
}
