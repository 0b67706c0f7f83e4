import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { maturityApiRef } from '../../api/MaturityApi';
import { ChangeLog } from './ChangeLog';

const DAYS = 90;

/** The level day by day over the last 90 days, and the log of why it changed. */
export function HistoryPanel(props: {
  entityRef: CompoundEntityRef;
  /** Bumped after a refresh so the history is read again. */
  version?: number;
}) {
  const api = useApi(maturityApiRef);
  const theme = useTheme();
  const { kind, namespace, name } = props.entityRef;
  const { value, loading, error } = useAsync(
    () => api.getHistory({ kind, namespace, name }, { days: DAYS }),
    [api, kind, namespace, name, props.version],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || (value.snapshots.length === 0 && value.changes.length === 0)) {
    return (
      <EmptyState
        missing="data"
        title="No history yet"
        description="A snapshot is kept once a day from the first evaluation on; the chart fills in from there."
      />
    );
  }
  const data = value.snapshots.map(s => ({
    day: s.day,
    level: s.assessed ? s.level : null,
  }));
  return (
    <Box>
      {data.length > 1 ? (
        <Box height={220} aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 5]} allowDecimals={false} tickCount={6} />
              <Tooltip />
              <Line
                type="stepAfter"
                dataKey="level"
                name="Level"
                stroke={theme.palette.primary.main}
                strokeWidth={2}
                dot={data.length < 30}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary">
          One day recorded so far ({value.snapshots[0]?.day}): Level{' '}
          {value.snapshots[0]?.level}. The chart appears from the second day.
        </Typography>
      )}
      <Box mt={2}>
        <Typography variant="subtitle1" component="h3">
          Why it changed
        </Typography>
        <ChangeLog changes={value.changes} />
      </Box>
    </Box>
  );
}
