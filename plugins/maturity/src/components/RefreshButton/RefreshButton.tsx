import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  maturityRefreshPermission,
  type EntityScorecard,
} from '@maturity/plugin-maturity-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { maturityApiRef } from '../../api/MaturityApi';
import { errorMessage } from '../../utils/errorMessage';

/**
 * Re-collects and re-evaluates the entity now. Shown only to callers the permission
 * policy allows; the backend checks the same permission, this only avoids a button
 * that can only fail.
 */
export function RefreshButton(props: {
  entityRef: CompoundEntityRef;
  onRefreshed: (scorecard: EntityScorecard) => void;
}) {
  const api = useApi(maturityApiRef);
  const { allowed } = usePermission({ permission: maturityRefreshPermission });
  const { entityRef, onRefreshed } = props;
  const [state, run] = useAsyncFn(async () => {
    const scorecard = await api.refresh(entityRef);
    onRefreshed(scorecard);
    return scorecard;
  }, [api, entityRef.kind, entityRef.namespace, entityRef.name, onRefreshed]);

  if (!allowed) return null;
  return (
    <Box display="flex" alignItems="center" gridGap={12}>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        onClick={() => run()}
        disabled={state.loading}
        startIcon={
          state.loading ? <CircularProgress size={16} /> : <RefreshIcon />
        }
      >
        {state.loading ? 'Collecting and evaluating…' : 'Refresh now'}
      </Button>
      <Typography variant="body2" role="status" color="textSecondary">
        {state.error && `Refresh failed: ${errorMessage(state.error)}`}
        {!state.loading &&
          !state.error &&
          state.value &&
          `Refreshed: Level ${state.value.level}`}
      </Typography>
    </Box>
  );
}
