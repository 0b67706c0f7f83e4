/**
 * The peer side of `yarn bench`: the published Tech Insights backend and its
 * json-rules-engine checker, run in this process on the same scenario as our backend.
 */
export {
  runTechInsightsPeer,
  techInsightsVersion,
} from './runTechInsightsPeer';
export type {
  TechInsightsPeerOptions,
  TechInsightsPeerResult,
} from './runTechInsightsPeer';
