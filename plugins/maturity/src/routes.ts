import { createRouteRef } from '@backstage/core-plugin-api';

/** The Maturity page (org rollup, teams, check catalogue). @public */
export const rootRouteRef = createRouteRef({ id: 'maturity' });
