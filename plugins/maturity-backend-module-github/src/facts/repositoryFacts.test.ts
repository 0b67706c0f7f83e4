import type { RepositoryNode } from '../query/types';
import { repositoryFacts } from './repositoryFacts';

const now = new Date('2026-11-21T12:00:00Z');
const base: RepositoryNode = {
  nameWithOwner: 'acme/empty',
  isArchived: true,
  pushedAt: null,
  owner: { __typename: 'Organization', login: 'acme' },
  defaultBranchRef: null,
};

describe('repositoryFacts', () => {
  it('describes an empty repository without inventing evidence', () => {
    expect(repositoryFacts(base, now)).toEqual({
      'github.repository': {
        slug: 'acme/empty',
        defaultBranch: '',
        archived: true,
      },
      'github.defaultBranchRuns': [],
      'github.deployments': [],
      'github.environments': [],
      'github.requiredStatusChecks': [],
      'github.files': {
        dependabot: false,
        renovate: false,
        codeowners: false,
        helmChart: false,
        kustomization: false,
        terraform: false,
        policyTestWorkflow: false,
      },
      'github.botPullRequestsMerged': 0,
      'github.lastCodeScanAt': null,
      'github.vulnerabilityAlerts': [],
      'github.docsLastChangedAt': null,
      'github.provenanceAttested': false,
    });
  });

  it('reads nested files, rulesets with protection, and old or foreign items out', () => {
    const facts = repositoryFacts(
      {
        ...base,
        defaultBranchRef: {
          name: 'main',
          target: { __typename: 'Commit', oid: 'abc' },
          branchProtectionRule: {
            requiresStatusChecks: true,
            requiredStatusCheckContexts: ['lint', null],
          },
          rules: {
            nodes: [
              {
                type: 'REQUIRED_STATUS_CHECKS',
                parameters: {
                  requiredStatusChecks: [
                    { context: 'build' },
                    { context: 'lint' },
                  ],
                },
              },
              { type: 'NON_FAST_FORWARD', parameters: null },
            ],
          },
        },
        tree: {
          entries: [
            {
              name: 'infra',
              type: 'tree',
              object: {
                entries: [
                  {
                    name: 'envs',
                    type: 'tree',
                    object: { entries: [{ name: 'main.tf', type: 'blob' }] },
                  },
                ],
              },
            },
            { name: '.renovaterc.json', type: 'blob' },
            {
              name: 'docs',
              type: 'tree',
              object: { entries: [{ name: 'CODEOWNERS', type: 'blob' }] },
            },
          ],
        },
        deployments: {
          nodes: [
            {
              environment: 'prod',
              createdAt: '2026-11-20T12:00:00Z',
              latestStatus: null,
              commit: { committedDate: '2026-11-20T06:00:00Z' },
            },
            {
              environment: 'prod',
              createdAt: '2026-01-01T00:00:00Z',
              latestStatus: { state: 'SUCCESS' },
              commit: null,
            },
          ],
        },
        pullRequests: {
          nodes: [
            {
              mergedAt: '2026-11-01T00:00:00Z',
              author: { login: 'dependabot' },
            },
            { mergedAt: '2026-11-01T00:00:00Z', author: { login: 'alice' } },
            { mergedAt: '2026-01-01T00:00:00Z', author: { login: 'renovate' } },
          ],
        },
      },
      now,
    );
    expect(facts['github.requiredStatusChecks']).toEqual(['build', 'lint']);
    expect(facts['github.files']).toMatchObject({
      terraform: true,
      renovate: true,
      codeowners: true,
      helmChart: false,
    });
    expect(facts['github.deployments']).toEqual([
      {
        environment: 'prod',
        createdAt: '2026-11-20T12:00:00Z',
        state: 'pending',
        leadTimeHours: 6,
      },
    ]);
    expect(facts['github.botPullRequestsMerged']).toBe(1);
  });
});
