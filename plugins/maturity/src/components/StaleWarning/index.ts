export { StaleWarning } from './StaleWarning';
