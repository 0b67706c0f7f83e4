export { GroupTreeTable, REPORTING_LENSES, percent } from './GroupTreeTable';
