/** The shape of one aliased repository in the answer to {@link buildRepositoryQuery}. */

type Nodes<T> = { nodes?: (T | null)[] | null } | null | undefined;

export interface CheckSuiteNode {
  status: string;
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  workflowRun?: { file?: { path: string } | null } | null;
}

export interface TreeEntryNode {
  name?: string;
  path?: string | null;
  type?: string;
  object?: { entries?: TreeEntryNode[] | null; text?: string | null } | null;
}

export interface RepositoryNode {
  nameWithOwner: string;
  isArchived: boolean;
  pushedAt: string | null;
  owner: { __typename: string; login: string };
  defaultBranchRef?: {
    name: string;
    target?: {
      __typename: string;
      oid: string;
      history?: Nodes<{
        committedDate: string;
        checkSuites?: Nodes<CheckSuiteNode>;
      }>;
      docsHistory?: Nodes<{ committedDate: string }>;
      mkdocsHistory?: Nodes<{ committedDate: string }>;
    } | null;
    branchProtectionRule?: {
      requiresStatusChecks: boolean;
      requiredStatusCheckContexts?: (string | null)[] | null;
    } | null;
    rules?: Nodes<{
      type: string;
      parameters?: { requiredStatusChecks?: { context: string }[] } | null;
    }>;
  } | null;
  deployments?: Nodes<{
    environment: string | null;
    createdAt: string;
    latestStatus?: { state: string } | null;
    commit?: { committedDate: string } | null;
  }>;
  environments?: Nodes<{
    name: string;
    protectionRules?: Nodes<{
      type: string;
      timeout: number;
      reviewers?: { totalCount: number } | null;
    }>;
  }>;
  pullRequests?: Nodes<{
    mergedAt: string | null;
    author?: { login: string } | null;
  }>;
  vulnerabilityAlerts?: Nodes<{
    createdAt: string;
    securityVulnerability?: {
      severity: string;
      firstPatchedVersion?: { identifier: string } | null;
    } | null;
  }>;
  tree?: { entries?: TreeEntryNode[] | null } | null;
  workflows?: { entries?: TreeEntryNode[] | null } | null;
}

/** The nodes of a connection, without the nulls GitHub may put in for unreadable items. */
export function nodesOf<T>(connection: Nodes<T>): T[] {
  return (connection?.nodes ?? []).filter(
    (n): n is T => n !== null && n !== undefined,
  );
}
