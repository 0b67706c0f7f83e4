export { CheckFix } from './CheckFix';
