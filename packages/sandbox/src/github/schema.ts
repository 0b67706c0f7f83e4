/**
 * The part of GitHub's GraphQL schema (https://docs.github.com/graphql) the collector
 * uses. Every type, field, argument and enum value here has the same name and type as in
 * GitHub's public schema, so a query that runs here also runs against GitHub; fields and
 * arguments GitHub has but the collector does not use are left out.
 */
export const GITHUB_SCHEMA_SDL = /* GraphQL */ `
  scalar DateTime
  scalar GitObjectID
  scalar GitTimestamp
  scalar URI

  type Query {
    repository(
      followRenames: Boolean = true
      name: String!
      owner: String!
    ): Repository
    rateLimit(dryRun: Boolean = false): RateLimit
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  interface Node {
    id: ID!
  }

  interface Actor {
    login: String!
  }

  interface RepositoryOwner {
    id: ID!
    login: String!
  }

  type Organization implements Actor & Node & RepositoryOwner {
    id: ID!
    login: String!
  }

  type User implements Actor & Node & RepositoryOwner {
    id: ID!
    login: String!
  }

  type Bot implements Actor & Node {
    id: ID!
    login: String!
  }

  type Team implements Node {
    id: ID!
    name: String!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  enum OrderDirection {
    ASC
    DESC
  }

  type Repository implements Node {
    id: ID!
    name: String!
    nameWithOwner: String!
    owner: RepositoryOwner!
    isArchived: Boolean!
    pushedAt: DateTime
    defaultBranchRef: Ref
    object(expression: String, oid: GitObjectID): GitObject
    deployments(
      after: String
      before: String
      environments: [String!]
      first: Int
      last: Int
      orderBy: DeploymentOrder = { field: CREATED_AT, direction: ASC }
    ): DeploymentConnection!
    environments(
      after: String
      before: String
      first: Int
      last: Int
      names: [String!] = []
    ): EnvironmentConnection!
    pullRequests(
      after: String
      baseRefName: String
      before: String
      first: Int
      headRefName: String
      labels: [String!]
      last: Int
      orderBy: IssueOrder
      states: [PullRequestState!]
    ): PullRequestConnection!
    vulnerabilityAlerts(
      after: String
      before: String
      first: Int
      last: Int
      states: [RepositoryVulnerabilityAlertState!]
    ): RepositoryVulnerabilityAlertConnection
  }

  type Ref implements Node {
    id: ID!
    name: String!
    prefix: String!
    target: GitObject
    branchProtectionRule: BranchProtectionRule
    rules(
      after: String
      before: String
      first: Int
      last: Int
    ): RepositoryRuleConnection
  }

  interface GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type Commit implements GitObject & Node {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
    committedDate: DateTime!
    history(
      after: String
      before: String
      first: Int
      last: Int
      path: String
      since: GitTimestamp
      until: GitTimestamp
    ): CommitHistoryConnection!
    checkSuites(
      after: String
      before: String
      filterBy: CheckSuiteFilter
      first: Int
      last: Int
    ): CheckSuiteConnection
  }

  type Tree implements GitObject & Node {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
    entries: [TreeEntry!]
  }

  type Blob implements GitObject & Node {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
    byteSize: Int!
    isBinary: Boolean
    isTruncated: Boolean!
    text: String
  }

  type TreeEntry {
    mode: Int!
    name: String!
    object: GitObject
    oid: GitObjectID!
    path: String
    size: Int!
    type: String!
  }

  type CommitHistoryConnection {
    nodes: [Commit]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input CheckSuiteFilter {
    appId: Int
    checkName: String
  }

  type CheckSuiteConnection {
    nodes: [CheckSuite]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type CheckSuite implements Node {
    id: ID!
    app: App
    conclusion: CheckConclusionState
    createdAt: DateTime!
    status: CheckStatusState!
    updatedAt: DateTime!
    workflowRun: WorkflowRun
  }

  type App implements Node {
    id: ID!
    databaseId: Int
    name: String!
    slug: String!
  }

  type WorkflowRun implements Node {
    id: ID!
    createdAt: DateTime!
    event: String!
    file: WorkflowRunFile
    runNumber: Int!
    updatedAt: DateTime!
  }

  type WorkflowRunFile implements Node {
    id: ID!
    path: String!
  }

  enum CheckConclusionState {
    ACTION_REQUIRED
    CANCELLED
    FAILURE
    NEUTRAL
    SKIPPED
    STALE
    STARTUP_FAILURE
    SUCCESS
    TIMED_OUT
  }

  enum CheckStatusState {
    COMPLETED
    IN_PROGRESS
    PENDING
    QUEUED
    REQUESTED
    WAITING
  }

  type BranchProtectionRule implements Node {
    id: ID!
    pattern: String!
    requiredStatusCheckContexts: [String]
    requiresStatusChecks: Boolean!
  }

  type RepositoryRuleConnection {
    nodes: [RepositoryRule]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type RepositoryRule implements Node {
    id: ID!
    parameters: RuleParameters
    type: RepositoryRuleType!
  }

  enum RepositoryRuleType {
    CREATION
    DELETION
    NON_FAST_FORWARD
    PULL_REQUEST
    REQUIRED_LINEAR_HISTORY
    REQUIRED_SIGNATURES
    REQUIRED_STATUS_CHECKS
    UPDATE
  }

  union RuleParameters = PullRequestParameters | RequiredStatusChecksParameters

  type PullRequestParameters {
    requiredApprovingReviewCount: Int!
  }

  type RequiredStatusChecksParameters {
    doNotEnforceOnCreate: Boolean!
    requiredStatusChecks: [StatusCheckConfiguration!]!
    strictRequiredStatusChecksPolicy: Boolean!
  }

  type StatusCheckConfiguration {
    context: String!
    integrationId: Int
  }

  input DeploymentOrder {
    direction: OrderDirection!
    field: DeploymentOrderField!
  }

  enum DeploymentOrderField {
    CREATED_AT
  }

  type DeploymentConnection {
    nodes: [Deployment]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Deployment implements Node {
    id: ID!
    commit: Commit
    commitOid: String!
    createdAt: DateTime!
    environment: String
    latestStatus: DeploymentStatus
  }

  type DeploymentStatus implements Node {
    id: ID!
    createdAt: DateTime!
    state: DeploymentStatusState!
    updatedAt: DateTime!
  }

  enum DeploymentStatusState {
    ERROR
    FAILURE
    INACTIVE
    IN_PROGRESS
    PENDING
    QUEUED
    SUCCESS
    WAITING
  }

  type EnvironmentConnection {
    nodes: [Environment]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Environment implements Node {
    id: ID!
    name: String!
    protectionRules(
      after: String
      before: String
      first: Int
      last: Int
    ): DeploymentProtectionRuleConnection!
  }

  type DeploymentProtectionRuleConnection {
    nodes: [DeploymentProtectionRule]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type DeploymentProtectionRule {
    preventSelfReview: Boolean
    reviewers(
      after: String
      before: String
      first: Int
      last: Int
    ): DeploymentReviewerConnection!
    timeout: Int!
    type: DeploymentProtectionRuleType!
  }

  enum DeploymentProtectionRuleType {
    BRANCH_POLICY
    REQUIRED_REVIEWERS
    WAIT_TIMER
  }

  union DeploymentReviewer = Team | User

  type DeploymentReviewerConnection {
    nodes: [DeploymentReviewer]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input IssueOrder {
    direction: OrderDirection!
    field: IssueOrderField!
  }

  enum IssueOrderField {
    COMMENTS
    CREATED_AT
    UPDATED_AT
  }

  enum PullRequestState {
    CLOSED
    MERGED
    OPEN
  }

  type PullRequestConnection {
    nodes: [PullRequest]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PullRequest implements Node {
    id: ID!
    author: Actor
    createdAt: DateTime!
    merged: Boolean!
    mergedAt: DateTime
    number: Int!
    state: PullRequestState!
    updatedAt: DateTime!
  }

  enum RepositoryVulnerabilityAlertState {
    AUTO_DISMISSED
    DISMISSED
    FIXED
    OPEN
  }

  type RepositoryVulnerabilityAlertConnection {
    nodes: [RepositoryVulnerabilityAlert]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type RepositoryVulnerabilityAlert implements Node {
    id: ID!
    createdAt: DateTime!
    securityVulnerability: SecurityVulnerability
    state: RepositoryVulnerabilityAlertState!
  }

  type SecurityVulnerability {
    firstPatchedVersion: SecurityAdvisoryPackageVersion
    severity: SecurityAdvisorySeverity!
    vulnerableVersionRange: String!
  }

  type SecurityAdvisoryPackageVersion {
    identifier: String!
  }

  enum SecurityAdvisorySeverity {
    CRITICAL
    HIGH
    LOW
    MODERATE
  }
`;
