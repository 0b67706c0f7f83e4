import { Select } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import type { RollupQuery } from '../../api/MaturityApi';
import { shortRef } from '../../utils/refs';

export type Filters = Pick<RollupQuery, 'lifecycle' | 'system' | 'tier'>;

const TIER_FACET = 'metadata.annotations.maturity/tier';
const FACETS = ['spec.lifecycle', 'spec.system', TIER_FACET];
// The Select shows an empty box for ''; a sentinel lets it say "All".
const ALL = 'all';

/**
 * Lifecycle, system and tier filters. The choices are the values the catalog's
 * Components actually carry (one facets call), so no filter can select nothing.
 */
export function RollupFilters(props: {
  value: Filters;
  onChange: (filters: Filters) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const { value: facets } = useAsync(
    () =>
      catalogApi.getEntityFacets({
        filter: { kind: 'Component' },
        facets: FACETS,
      }),
    [catalogApi],
  );
  const options = (facet: string, label: (v: string) => string = v => v) => [
    { label: 'All', value: ALL },
    ...(facets?.facets[facet] ?? [])
      .map(f => f.value)
      .sort()
      .map(v => ({ label: label(v), value: v })),
  ];
  const select = (
    key: keyof Filters,
    label: string,
    facet: string,
    show?: (v: string) => string,
  ) => (
    <Box minWidth={180}>
      <Select
        label={label}
        items={options(facet, show)}
        selected={props.value[key] ?? ALL}
        onChange={v =>
          props.onChange({
            ...props.value,
            [key]: v === ALL ? undefined : String(v),
          })
        }
      />
    </Box>
  );
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} aria-label="Filters">
      {select('lifecycle', 'Lifecycle', 'spec.lifecycle')}
      {select('system', 'System', 'spec.system', v =>
        shortRef(v.includes(':') ? v : `system:${v}`),
      )}
      {select('tier', 'Tier', TIER_FACET)}
    </Box>
  );
}
