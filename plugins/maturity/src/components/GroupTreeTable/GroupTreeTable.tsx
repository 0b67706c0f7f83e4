import { Link, Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { GroupSummary, Lens } from '@maturity/plugin-maturity-common';
import { shortRef } from '../../utils/refs';
import { DistributionBar } from '../DistributionBar';
import { LevelBadge } from '../LevelBadge';
import { TrendIndicator } from '../TrendIndicator';

/** The four Level 4 reporting lenses leadership reads (delivery has its own views). */
export const REPORTING_LENSES: { lens: Lens; title: string }[] = [
  { lens: 'compliance', title: 'Compliance' },
  { lens: 'security', title: 'Security' },
  { lens: 'reliability', title: 'Reliability' },
  { lens: 'cost', title: 'Cost' },
];

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

type Row = GroupSummary & {
  id: string;
  tableData?: { isTreeExpanded?: boolean };
};

/**
 * Teams with their rolled-up figures. Rows whose parent is in the list nest under it,
 * so the org rollup reads as the group tree; a flat list of sub-teams reads as a list.
 */
export function GroupTreeTable(props: {
  title: string;
  groups: GroupSummary[];
  teamLink: (groupRef: string) => string;
  /** Adds a column with each team's pass share through this reporting lens. */
  lens?: Lens;
}) {
  const known = new Set(props.groups.map(g => g.groupRef));
  const nested = props.groups.some(
    g => g.parentRef !== null && known.has(g.parentRef),
  );
  const parentOf = new Map(props.groups.map(g => [g.groupRef, g.parentRef]));
  const depth = (ref: string | null): number => {
    let d = 0;
    for (
      let p = ref && parentOf.get(ref);
      p && known.has(p);
      p = parentOf.get(p)
    ) {
      d += 1;
    }
    return d;
  };
  // The top two levels of the tree open, so the page shows teams, not one root row.
  const rows: Row[] = props.groups.map(g => ({
    ...g,
    id: g.groupRef,
    tableData: { isTreeExpanded: depth(g.groupRef) < 2 },
  }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 180 },
      render: row => (
        <Link to={props.teamLink(row.groupRef)} data-group={row.groupRef}>
          {row.title ?? shortRef(row.groupRef)}
        </Link>
      ),
    },
    {
      title: 'Level',
      field: 'figures.level',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (
        <LevelBadge
          size="small"
          level={row.figures.level}
          provisional={row.figures.provisional > 0}
        />
      ),
    },
    {
      title: 'Distribution',
      sorting: false,
      render: row => (
        <DistributionBar distribution={row.figures.distribution} />
      ),
    },
    {
      title: 'Coverage',
      field: 'figures.coverage',
      render: row => (
        <Typography variant="body2">
          {percent(row.figures.services ? row.figures.coverage : null)}{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            ({row.figures.assessed}/{row.figures.services})
          </Typography>
        </Typography>
      ),
    },
    {
      title: 'Trend',
      sorting: false,
      render: row => (
        <TrendIndicator level={row.figures.level} trend={row.trend} />
      ),
    },
    ...REPORTING_LENSES.filter(l => l.lens === props.lens).map(
      ({ lens, title }): TableColumn<Row> => ({
        title: `${title} pass share`,
        field: `figures.lenses.${lens}`,
        render: row => percent(row.figures.lenses[lens]),
      }),
    ),
  ];
  return (
    <Table<Row>
      title={props.title}
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
      }}
      // Without nesting (a team's sub-teams) the tree's expander column would stay empty.
      parentChildData={
        nested
          ? (row, all) =>
              row.parentRef && known.has(row.parentRef)
                ? all.find(r => r.groupRef === row.parentRef)
                : undefined
          : undefined
      }
    />
  );
}
