/**
 * The GraphQL document that reads everything the GitHub facts need for many repositories
 * in one request: each repository is an aliased `repository(owner:, name:)` field spreading
 * one fragment. It uses only fields of GitHub's public schema.
 */

/** GitHub Actions' app id: check suites from other apps are not CI runs. */
export const GITHUB_ACTIONS_APP_ID = 15368;

/**
 * How much one query reads per repository. GitHub prices a query by the connections it
 * opens (a point per 100) and refuses one over 500,000 possible nodes: with these limits a
 * repository opens about 130 connections (50 of them check suites) and at most about 1,000
 * nodes, so a batch of 50 costs about 60 of the 5,000 points an hour and 50,000 nodes.
 * Only the reviewers' `totalCount` is read, hence `first: 1`.
 */
export const QUERY_LIMITS = {
  /** Default-branch commits whose check suites make up the recent CI runs. */
  commits: 50,
  /** Check suites per commit (one per workflow that ran on it). */
  suitesPerCommit: 10,
  deployments: 100,
  environments: 10,
  mergedPullRequests: 50,
  vulnerabilityAlerts: 100,
} as const;

const REPOSITORY_FRAGMENT = `
fragment MaturityRepository on Repository {
  nameWithOwner
  isArchived
  pushedAt
  owner { __typename login }
  defaultBranchRef {
    name
    target {
      __typename
      oid
      ... on Commit {
        history(first: ${QUERY_LIMITS.commits}) {
          nodes {
            committedDate
            checkSuites(first: ${QUERY_LIMITS.suitesPerCommit}, filterBy: { appId: ${GITHUB_ACTIONS_APP_ID} }) {
              nodes { status conclusion createdAt updatedAt workflowRun { file { path } } }
            }
          }
        }
        docsHistory: history(first: 1, path: "docs") { nodes { committedDate } }
        mkdocsHistory: history(first: 1, path: "mkdocs.yml") { nodes { committedDate } }
      }
    }
    branchProtectionRule { requiresStatusChecks requiredStatusCheckContexts }
    rules(first: 50) {
      nodes {
        type
        parameters {
          __typename
          ... on RequiredStatusChecksParameters { requiredStatusChecks { context } }
        }
      }
    }
  }
  deployments(first: ${QUERY_LIMITS.deployments}, orderBy: { field: CREATED_AT, direction: DESC }) {
    nodes { environment createdAt latestStatus { state } commit { committedDate } }
  }
  environments(first: ${QUERY_LIMITS.environments}) {
    nodes {
      name
      protectionRules(first: 5) { nodes { type timeout reviewers(first: 1) { totalCount } } }
    }
  }
  pullRequests(states: [MERGED], first: ${QUERY_LIMITS.mergedPullRequests}, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { mergedAt author { login } }
  }
  vulnerabilityAlerts(states: [OPEN], first: ${QUERY_LIMITS.vulnerabilityAlerts}) {
    nodes { createdAt securityVulnerability { severity firstPatchedVersion { identifier } } }
  }
  tree: object(expression: "HEAD:") {
    ... on Tree {
      entries {
        name
        type
        object {
          ... on Tree {
            entries {
              name
              type
              object { ... on Tree { entries { name type } } }
            }
          }
        }
      }
    }
  }
  workflows: object(expression: "HEAD:.github/workflows") {
    ... on Tree { entries { path object { ... on Blob { text } } } }
  }
}`;

/** The alias of the i-th repository in a batch. */
export const aliasOf = (index: number) => `r${index}`;

/**
 * A query for `slugs` (owner/repo), with owners and names passed as variables so no slug
 * is ever spliced into the document.
 */
export function buildRepositoryQuery(slugs: readonly string[]): {
  query: string;
  variables: Record<string, string>;
} {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  slugs.forEach((slug, index) => {
    const [owner, name] = slug.split('/');
    variables[`o${index}`] = owner;
    variables[`n${index}`] = name;
    declarations.push(`$o${index}: String!, $n${index}: String!`);
    fields.push(
      `  ${aliasOf(
        index,
      )}: repository(owner: $o${index}, name: $n${index}) { ...MaturityRepository }`,
    );
  });
  return {
    query: `query MaturityRepositories(${declarations.join(
      ', ',
    )}) {\n${fields.join('\n')}\n}\n${REPOSITORY_FRAGMENT}`,
    variables,
  };
}
