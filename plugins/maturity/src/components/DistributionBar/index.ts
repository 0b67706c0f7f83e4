export { DistributionBar } from './DistributionBar';
