export { CheckAccordion } from './CheckAccordion';
