/**
 * The GitHub fact source of the Maturity backend.
 *
 * @packageDocumentation
 */

export { maturityModuleGithub as default } from './module';
export {
  GithubFactSource,
  type GithubFactSourceOptions,
} from './service/GithubFactSource';
export { readGithubSourceOptions, type GithubSourceOptions } from './config';
