export { NotAssessed } from './NotAssessed';
