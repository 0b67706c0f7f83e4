import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { routeParams } from './refs';

/**
 * Links into the catalog's entity pages; with `tab: true` straight to the entity's
 * Maturity tab (optionally opened at one check's evidence).
 */
export function useEntityLink() {
  const entityRoute = useRouteRef(entityRouteRef);
  return (ref: string, options?: { tab?: boolean; check?: string }) => {
    const base = entityRoute(routeParams(ref));
    if (!options?.tab) return base;
    const check = options.check
      ? `?check=${encodeURIComponent(options.check)}`
      : '';
    return `${base}/maturity${check}`;
  };
}
