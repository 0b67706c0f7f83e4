import { GraphQLError } from 'graphql';
import { connection, type ConnectionArgs } from './connection';
import { commitNode, refNode } from './model/commits';
import { gitObject } from './model/gitObjects';
import { id } from './model/ids';
import type { SandboxRepository } from './types';

/**
 * Turns sandbox repositories into the objects graphql-js resolves fields on: plain values,
 * and functions for fields that take arguments (graphql-js calls them with the args).
 */

/** Why a repository cannot be read, as GitHub's GraphQL API reports it. */
export type RepositoryDenial = 'NOT_FOUND' | 'FORBIDDEN';

export interface QueryContext {
  lookup(slug: string): SandboxRepository | undefined;
  denial(slug: string): RepositoryDenial | undefined;
  /** Repository fields the token may not read, e.g. `vulnerabilityAlerts`. */
  refusedFields(slug: string): ReadonlySet<string>;
  rateLimit(): {
    limit: number;
    remaining: number;
    used: number;
    resetAt: string;
  };
}

export const rootValue = {
  repository: (
    args: { owner: string; name: string },
    context: QueryContext,
  ) => {
    const slug = `${args.owner}/${args.name}`;
    const denial = context.denial(slug);
    const repo = context.lookup(slug);
    if (denial === 'FORBIDDEN') {
      throw repositoryError(
        'FORBIDDEN',
        `Resource not accessible by integration: ${slug}`,
      );
    }
    if (!repo || denial === 'NOT_FOUND') {
      throw repositoryError(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${slug}'.`,
      );
    }
    const node: Record<string, unknown> = repositoryNode(repo);
    for (const field of context.refusedFields(slug)) {
      // What GitHub answers when a token lacks the permission behind one field.
      node[field] = () => {
        throw new GraphQLError('Resource not accessible by integration', {
          extensions: { type: 'FORBIDDEN' },
        });
      };
    }
    return node;
  },
  rateLimit: (_args: unknown, context: QueryContext) => ({
    cost: 1,
    nodeCount: 0,
    ...context.rateLimit(),
  }),
};

function repositoryError(type: RepositoryDenial, message: string) {
  return new GraphQLError(message, { extensions: { type } });
}

function repositoryNode(repo: SandboxRepository) {
  const slug = `${repo.owner}/${repo.name}`;
  const head = repo.commits[0];
  return {
    id: id('Repository', slug),
    name: repo.name,
    nameWithOwner: slug,
    owner: {
      __typename: repo.ownerType,
      id: id(repo.ownerType, repo.owner),
      login: repo.owner,
    },
    isArchived: repo.archived,
    pushedAt: repo.pushedAt,
    defaultBranchRef: head ? refNode(repo) : null,
    object: (args: { expression?: string | null; oid?: string | null }) =>
      head ? gitObject(repo, args.expression ?? args.oid ?? '') : null,
    deployments: (
      args: ConnectionArgs & {
        environments?: string[] | null;
        orderBy?: { direction: 'ASC' | 'DESC' };
      },
    ) => {
      const chosen = repo.deployments
        .filter(
          d => !args.environments || args.environments.includes(d.environment),
        )
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      if (args.orderBy?.direction === 'DESC') chosen.reverse();
      return connection(
        chosen.map((d, index) => {
          const latest = d.statuses[d.statuses.length - 1];
          return {
            id: id('Deployment', slug, index),
            environment: d.environment,
            createdAt: d.createdAt,
            commitOid: d.commitOid,
            commit: commitNode(repo, {
              oid: d.commitOid,
              committedDate: d.commitDate,
              paths: [],
              checkSuites: [],
            }),
            latestStatus: latest
              ? {
                  id: id('DeploymentStatus', slug, index),
                  state: latest.state,
                  createdAt: latest.createdAt,
                  updatedAt: latest.createdAt,
                }
              : null,
          };
        }),
        args,
        'deployments',
      );
    },
    environments: (args: ConnectionArgs & { names?: string[] }) =>
      connection(
        repo.environments
          .filter(e => !args.names?.length || args.names.includes(e.name))
          .map(e => ({
            id: id('Environment', slug, e.name),
            name: e.name,
            protectionRules: (ruleArgs: ConnectionArgs) =>
              connection(protectionRules(e), ruleArgs, 'protectionRules'),
          })),
        args,
        'environments',
      ),
    pullRequests: (
      args: ConnectionArgs & {
        states?: string[] | null;
        orderBy?: { field: string; direction: 'ASC' | 'DESC' } | null;
      },
    ) => {
      const key =
        args.orderBy?.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
      const chosen = repo.pullRequests
        .filter(pr => !args.states || args.states.includes(pr.state))
        .sort((a, b) => Date.parse(a[key]) - Date.parse(b[key]));
      if (args.orderBy?.direction === 'DESC') chosen.reverse();
      return connection(
        chosen.map(pr => ({
          id: id('PullRequest', slug, pr.number),
          number: pr.number,
          state: pr.state,
          merged: pr.state === 'MERGED',
          mergedAt: pr.mergedAt,
          createdAt: pr.createdAt,
          updatedAt: pr.updatedAt,
          author: {
            __typename: ['dependabot', 'renovate'].includes(pr.author)
              ? 'Bot'
              : 'User',
            id: id('Actor', pr.author),
            login: pr.author,
          },
        })),
        args,
        'pullRequests',
      );
    },
    vulnerabilityAlerts: (
      args: ConnectionArgs & { states?: string[] | null },
    ) =>
      connection(
        repo.vulnerabilityAlerts
          .filter(a => !args.states || args.states.includes(a.state))
          .map((a, index) => ({
            id: id('RepositoryVulnerabilityAlert', slug, index),
            createdAt: a.createdAt,
            state: a.state,
            securityVulnerability: {
              severity: a.severity,
              vulnerableVersionRange: '< 9.9.9',
              firstPatchedVersion: a.patchedVersion
                ? { identifier: a.patchedVersion }
                : null,
            },
          })),
        args,
        'vulnerabilityAlerts',
      ),
  };
}

function protectionRules(e: SandboxRepository['environments'][number]) {
  const rules = [];
  if (e.requiredReviewers > 0) {
    rules.push({
      type: 'REQUIRED_REVIEWERS',
      timeout: 0,
      preventSelfReview: false,
      reviewers: (args: ConnectionArgs) =>
        connection(
          Array.from({ length: e.requiredReviewers }, (_, i) => ({
            __typename: 'Team',
            id: id('Team', e.name, i),
            name: `reviewers-${i}`,
          })),
          args,
          'reviewers',
        ),
    });
  }
  const noReviewers = (args: ConnectionArgs) =>
    connection([], args, 'reviewers');
  if (e.waitTimerMinutes > 0) {
    rules.push({
      type: 'WAIT_TIMER',
      timeout: e.waitTimerMinutes,
      preventSelfReview: null,
      reviewers: noReviewers,
    });
  }
  if (e.branchPolicy) {
    rules.push({
      type: 'BRANCH_POLICY',
      timeout: 0,
      preventSelfReview: null,
      reviewers: noReviewers,
    });
  }
  return rules;
}
