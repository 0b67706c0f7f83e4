import { Link, Table, type TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import type { ServiceSummary } from '@maturity/plugin-maturity-common';
import { useEntityLink } from '../../utils/entityLink';
import { shortRef } from '../../utils/refs';
import { LevelBadge } from '../LevelBadge';

type Row = ServiceSummary & { id: string; holdsBack: boolean };

/** A team's services, weakest first, each linked to its Maturity tab. */
export function ServicesTable(props: {
  services: ServiceSummary[];
  holdingBack: string[];
}) {
  const entityLink = useEntityLink();
  const holding = new Set(props.holdingBack);
  const rows: Row[] = props.services.map(s => ({
    ...s,
    id: s.entityRef,
    holdsBack: holding.has(s.entityRef),
  }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Service',
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 180 },
      render: row => (
        <Link
          to={entityLink(row.entityRef, { tab: true })}
          data-service={row.entityRef}
        >
          {row.title ?? (
            <EntityDisplayName entityRef={row.entityRef} hideIcon />
          )}
        </Link>
      ),
    },
    {
      title: 'Level',
      field: 'level',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row =>
        row.assessed ? (
          <LevelBadge
            size="small"
            level={row.level}
            provisional={row.provisional}
          />
        ) : (
          'Not assessed'
        ),
    },
    {
      title: 'Owner',
      field: 'ownerRef',
      render: row => (row.ownerRef ? shortRef(row.ownerRef) : '—'),
    },
    { title: 'Lifecycle', field: 'lifecycle' },
    {
      title: 'System',
      field: 'systemRef',
      render: row => (row.systemRef ? shortRef(row.systemRef) : '—'),
    },
    { title: 'Tier', field: 'tier' },
    {
      title: 'Notes',
      sorting: false,
      render: row => (
        <>
          {row.holdsBack && (
            <Chip size="small" label="Holds the team back" color="secondary" />
          )}
          {row.stale && <Chip size="small" label="Stale evidence" />}
        </>
      ),
    },
  ];
  return (
    <Table<Row>
      title="Services"
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
      }}
    />
  );
}
