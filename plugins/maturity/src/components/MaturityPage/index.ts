export { MaturityPage } from './MaturityPage';
export { MaturityRoutes } from './MaturityRoutes';
