import type { ConnectionArgs } from '../connection';
import { connection } from '../connection';
import type { SandboxCommit, SandboxRepository } from '../types';
import { id } from './ids';

export function refNode(repo: SandboxRepository) {
  const slug = `${repo.owner}/${repo.name}`;
  return {
    id: id('Ref', slug, repo.defaultBranch),
    name: repo.defaultBranch,
    prefix: 'refs/heads/',
    target: commitNode(repo, repo.commits[0]),
    branchProtectionRule: repo.branchProtection
      ? {
          id: id('BranchProtectionRule', slug),
          pattern: repo.defaultBranch,
          requiresStatusChecks:
            repo.branchProtection.requiredStatusChecks.length > 0,
          requiredStatusCheckContexts:
            repo.branchProtection.requiredStatusChecks,
        }
      : null,
    rules: (args: ConnectionArgs) =>
      connection(
        repo.rulesets.map((ruleset, index) =>
          ruleset.requiredStatusChecks.length
            ? {
                id: id('RepositoryRule', slug, index),
                type: 'REQUIRED_STATUS_CHECKS',
                parameters: {
                  __typename: 'RequiredStatusChecksParameters',
                  doNotEnforceOnCreate: false,
                  strictRequiredStatusChecksPolicy: true,
                  requiredStatusChecks: ruleset.requiredStatusChecks.map(
                    context => ({
                      context,
                      integrationId: null,
                    }),
                  ),
                },
              }
            : {
                id: id('RepositoryRule', slug, index),
                type: 'NON_FAST_FORWARD',
                parameters: null,
              },
        ),
        args,
        'rules',
      ),
  };
}

export function commitNode(
  repo: SandboxRepository,
  commit: SandboxCommit,
): Record<string, unknown> {
  const slug = `${repo.owner}/${repo.name}`;
  return {
    __typename: 'Commit',
    id: id('Commit', slug, commit.oid),
    oid: commit.oid,
    abbreviatedOid: commit.oid.slice(0, 7),
    committedDate: commit.committedDate,
    history: (
      args: ConnectionArgs & {
        path?: string | null;
        since?: string | null;
        until?: string | null;
      },
    ) => {
      const index = repo.commits.findIndex(c => c.oid === commit.oid);
      const reachable = index < 0 ? [commit] : repo.commits.slice(index);
      const path = args.path?.replace(/\/$/, '');
      const chosen = reachable.filter(
        c =>
          (!path ||
            c.paths.some(p => p === path || p.startsWith(`${path}/`))) &&
          (!args.since ||
            Date.parse(c.committedDate) >= Date.parse(args.since)) &&
          (!args.until ||
            Date.parse(c.committedDate) <= Date.parse(args.until)),
      );
      return connection(
        chosen.map(c => commitNode(repo, c)),
        args,
        'history',
      );
    },
    checkSuites: (
      args: ConnectionArgs & { filterBy?: { appId?: number | null } | null },
    ) =>
      connection(
        commit.checkSuites
          .filter(
            s =>
              typeof args.filterBy?.appId !== 'number' ||
              s.appId === args.filterBy.appId,
          )
          .map((s, index) => ({
            id: id('CheckSuite', slug, commit.oid, index),
            app: {
              id: id('App', s.appId),
              databaseId: s.appId,
              name: s.appId === 15368 ? 'GitHub Actions' : 'Other app',
              slug: s.appId === 15368 ? 'github-actions' : 'other-app',
            },
            status: s.status,
            conclusion: s.conclusion,
            createdAt: s.createdAt,
            updatedAt: s.updatedAt,
            workflowRun: s.workflowPath
              ? {
                  id: id('WorkflowRun', slug, commit.oid, index),
                  createdAt: s.createdAt,
                  updatedAt: s.updatedAt,
                  event: 'push',
                  runNumber: index + 1,
                  file: {
                    id: id('WorkflowRunFile', s.workflowPath),
                    path: s.workflowPath,
                  },
                }
              : null,
          })),
        args,
        'checkSuites',
      ),
  };
}
