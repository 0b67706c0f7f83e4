export { OrgPage } from './OrgPage';
