export { buildGithubWorld, GITHUB_ACTIONS_APP_ID } from './buildGithubWorld';
export type {
  BuildGithubWorldOptions,
  GeneratedGithubWorld,
  UnsatisfiableIntent,
} from './buildGithubWorld';
export { startGithubSandbox } from './startGithubSandbox';
export type {
  GithubRecordedRequest,
  GithubRequestCounts,
  GithubSandbox,
  StartGithubSandboxOptions,
} from './startGithubSandbox';
export { GithubFaultInjector } from './faults';
export type { GithubFault, GithubFaultRule, GithubRequestKind } from './faults';
export type { RepositoryDenial } from './graphqlModel';
export { GITHUB_SCHEMA_SDL } from './schema';
export * from './types';
export { pushCommit } from './mutateWorld';
