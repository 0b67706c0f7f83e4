export { LensSummary } from './LensSummary';
export { LensPicker } from './LensPicker';
