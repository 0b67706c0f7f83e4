import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  LEVEL_NAMES,
  type RubricResponse,
} from '@maturity/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { CheckFix } from '../CheckFix';
import { SourceRuns } from './SourceRuns';

type Check = RubricResponse['checks'][number];
type Row = Check & { id: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Check',
    field: 'title',
    highlight: true,
    cellStyle: { minWidth: 160 },
    render: row => (
      <Box data-check={row.id}>
        <Typography variant="body2">{row.title}</Typography>
        <Typography variant="caption" color="textSecondary">
          <code>{row.id}</code>
        </Typography>
      </Box>
    ),
  },
  {
    title: 'Level',
    field: 'level',
    defaultSort: 'asc',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => `${row.level} · ${LEVEL_NAMES[row.level]}`,
  },
  {
    title: 'Failing',
    field: 'failing',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => (
      <>
        <Typography variant="body2">{row.failing}</Typography>
        <Typography variant="caption" color="textSecondary">
          {row.unknown} unknown
        </Typography>
      </>
    ),
  },
  {
    title: 'Dimension · lens',
    field: 'dimension',
    render: row => (
      <>
        <Typography variant="body2">{row.dimension}</Typography>
        <Typography variant="caption" color="textSecondary">
          {row.lens}
        </Typography>
      </>
    ),
  },
  {
    title: 'Counts as',
    field: 'required',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => (
      <>
        <Typography variant="body2">
          {row.required ? 'Required' : 'Weighted'}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          weight {row.weight}
        </Typography>
      </>
    ),
  },
  {
    title: 'Sources',
    field: 'sources',
    render: row => row.sources.join(', '),
  },
  {
    title: 'How to pass',
    field: 'hint',
    sorting: false,
    cellStyle: { minWidth: 220 },
    render: row => <CheckFix check={row} />,
  },
];

/**
 * Every effective check after config (overrides, custom checks, disabled ones gone):
 * level, dimension, lens, how it counts, how to pass it, where its evidence comes from,
 * and how many services fail it. The platform team's reference page.
 */
export function CheckCatalogue() {
  const api = useApi(maturityApiRef);
  const { value, loading, error } = useAsync(() => api.getRubric(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.checks.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No checks are enabled"
        description="Every check is turned off in maturity.checks, so no service can be placed. Enable checks in app-config.yaml."
      />
    );
  }
  const rows: Row[] = value.checks.map(c => ({ ...c, id: c.id }));
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <SourceRuns />
      <Table<Row>
        title={`Check catalogue (${rows.length} checks)`}
        columns={columns}
        data={rows}
        options={{
          paging: false,
          search: true,
          padding: 'dense',
          draggable: false,
        }}
      />
    </Box>
  );
}
