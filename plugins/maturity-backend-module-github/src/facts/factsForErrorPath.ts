import { GITHUB_FACTS } from '@maturity/plugin-maturity-common';

const ALL = Object.values(GITHUB_FACTS);

/**
 * Which facts a GraphQL error inside one repository spoils, by the error's path below the
 * repository (e.g. `['vulnerabilityAlerts']` when the token may not read Dependabot alerts).
 * The most specific prefix wins; an unknown path spoils every fact of the repository.
 */
const BY_PATH: [string[], string[]][] = [
  [['defaultBranchRef', 'rules'], [GITHUB_FACTS.requiredStatusChecks]],
  [
    ['defaultBranchRef', 'branchProtectionRule'],
    [GITHUB_FACTS.requiredStatusChecks],
  ],
  [
    ['defaultBranchRef', 'target', 'docsHistory'],
    [GITHUB_FACTS.docsLastChangedAt],
  ],
  [
    ['defaultBranchRef', 'target', 'mkdocsHistory'],
    [GITHUB_FACTS.docsLastChangedAt],
  ],
  [
    ['defaultBranchRef'],
    [
      GITHUB_FACTS.repository,
      GITHUB_FACTS.defaultBranchRuns,
      GITHUB_FACTS.requiredStatusChecks,
      GITHUB_FACTS.lastCodeScanAt,
      GITHUB_FACTS.docsLastChangedAt,
      GITHUB_FACTS.provenanceAttested,
    ],
  ],
  [['deployments'], [GITHUB_FACTS.deployments]],
  [['environments'], [GITHUB_FACTS.environments]],
  [['pullRequests'], [GITHUB_FACTS.botPullRequestsMerged]],
  [['vulnerabilityAlerts'], [GITHUB_FACTS.vulnerabilityAlerts]],
  [['tree'], [GITHUB_FACTS.files]],
  [
    ['workflows'],
    [
      GITHUB_FACTS.files,
      GITHUB_FACTS.lastCodeScanAt,
      GITHUB_FACTS.provenanceAttested,
    ],
  ],
];

export function factsForErrorPath(
  path: readonly (string | number)[],
): string[] {
  for (const [prefix, facts] of BY_PATH) {
    if (prefix.every((segment, i) => path[i] === segment)) return facts;
  }
  return ALL;
}
