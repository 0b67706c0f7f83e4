/**
 * Maturity: scorecards for services and teams on the CNCF Cloud Native Maturity Model.
 *
 * @packageDocumentation
 */

export {
  maturityPlugin,
  maturityApiFactory,
  EntityMaturityCard,
  EntityMaturityContent,
  MaturityPage,
} from './plugin';
export { rootRouteRef as maturityRootRouteRef } from './routes';
export {
  maturityApiRef,
  type MaturityApi,
  type RollupQuery,
} from './api/MaturityApi';
export { MaturityClient } from './api/MaturityClient';
