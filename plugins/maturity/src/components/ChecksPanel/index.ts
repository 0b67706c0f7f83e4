export { ChecksPanel } from './ChecksPanel';
