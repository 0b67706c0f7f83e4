export { CheckStateChip } from './CheckStateChip';
