export { RollupFilters, type Filters } from './RollupFilters';
