/**
 * Browser-safe model of the Maturity plugin family: rubric types and checks, level
 * maths and permissions, shared by the backend, the frontend and the tests.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './api';
export * from './permissions';
export * from './rubric/CheckDefinition';
export * from './rubric/catalogFacts';
export * from './rubric/githubFacts';
export * from './rubric/kubernetesFacts';
export * from './rubric/facts';
export * from './rubric/observedBefore';
export * from './rubric/evaluate';
export * from './rubric/scoreEntity';
export * from './rubric/defaultRubric';
export { catalogChecks } from './rubric/checks/catalogChecks';
export { githubChecks } from './rubric/checks/githubChecks';
export { kubernetesChecks } from './rubric/checks/kubernetesChecks';
export { crossSourceChecks } from './rubric/checks/crossSourceChecks';
export * from './maths/scoring';
export * from './maths/placement';
export * from './maths/hysteresis';
export * from './maths/rollup';
export * from './entityRef';
