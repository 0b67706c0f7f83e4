import { GITHUB_ACTIONS_APP_ID } from './world/shared';
import type { GithubWorld, SandboxRepository } from './types';

/**
 * Pushes a commit to a repository's default branch, with one completed CI run, as a
 * developer's push would; tests use it to see that the collector notices the change.
 */
export function pushCommit(
  world: GithubWorld,
  slug: string,
  options: {
    at?: Date;
    conclusion?: 'SUCCESS' | 'FAILURE';
    paths?: string[];
  } = {},
): SandboxRepository {
  const repo = world.repositories.get(slug);
  if (!repo) throw new Error(`No repository ${slug} in the sandbox world`);
  const at = (options.at ?? new Date()).toISOString();
  const oid = (repo.commits.length + 1).toString(16).padStart(40, 'f');
  repo.commits.unshift({
    oid,
    committedDate: at,
    paths: options.paths ?? ['src/index.ts'],
    checkSuites: [
      {
        workflowPath: '.github/workflows/ci.yml',
        status: 'COMPLETED',
        conclusion: options.conclusion ?? 'SUCCESS',
        createdAt: at,
        updatedAt: at,
        appId: GITHUB_ACTIONS_APP_ID,
      },
    ],
  });
  repo.pushedAt = at;
  return repo;
}
