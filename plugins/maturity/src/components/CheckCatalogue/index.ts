export { CheckCatalogue } from './CheckCatalogue';
