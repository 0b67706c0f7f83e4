/** A workflow file as it sits in a repository. */
export interface WorkflowFile {
  path: string;
  text: string;
}

export const CI_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/ci.yml',
  text: `name: ci
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
`,
};

/** Each runs one of the policy test tools the collector recognises. */
export const POLICY_WORKFLOWS: WorkflowFile[] = [
  {
    path: '.github/workflows/policy.yml',
    text: `name: policy
on: [push]
jobs:
  conftest:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: conftest test deploy/ --policy policy/
`,
  },
  {
    path: '.github/workflows/kyverno.yaml',
    text: `name: kyverno
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: kyverno/action-install-cli@v0.2.0
      - run: kyverno test ./policies
`,
  },
  {
    path: '.github/workflows/opa.yml',
    text: `name: opa
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: opa test ./policy -v
`,
  },
];

export const SCAN_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/codeql.yml',
  text: `name: CodeQL
on:
  push:
  schedule: [{ cron: '17 3 * * 1' }]
jobs:
  analyze:
    runs-on: ubuntu-latest
    permissions: { security-events: write }
    steps:
      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
      - uses: github/codeql-action/analyze@v3
`,
};

const releaseSteps = `      - uses: actions/checkout@v4
      - run: docker build -t app .`;

export const ATTEST_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/release.yml',
  text: `name: release
on: { push: { branches: [main, master] } }
jobs:
  image:
    runs-on: ubuntu-latest
    permissions: { id-token: write, attestations: write }
    steps:
${releaseSteps}
      - uses: actions/attest-build-provenance@v2
        with: { subject-name: app, subject-digest: sha256:0 }
`,
};

/** The same release workflow without the provenance step. */
export const RELEASE_WORKFLOW: WorkflowFile = {
  path: ATTEST_WORKFLOW.path,
  text: `name: release
on: { push: { branches: [main, master] } }
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
${releaseSteps}
`,
};
