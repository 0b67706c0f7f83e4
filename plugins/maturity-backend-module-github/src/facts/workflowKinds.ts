import type { TreeEntryNode } from '../query/types';

/** What a workflow file is known to do, read from its text. */
export interface WorkflowKinds {
  /** Paths of workflows that run policy tests. */
  policyTests: Set<string>;
  /** Paths of workflows that scan code or images and upload the analysis. */
  scanning: Set<string>;
  /** Paths of workflows that attest build provenance. */
  attesting: Set<string>;
}

const POLICY_TEST =
  /\bconftest\s+(test|verify)\b|\bkyverno\s+test\b|\bgator\s+(verify|test)\b|\bopa\s+test\b/;
const SCANNING =
  /github\/codeql-action\/(analyze|upload-sarif)@|aquasecurity\/trivy-action@|anchore\/scan-action@|snyk\/actions\/|docker\/scout-action@/;
const ATTESTING =
  /actions\/attest-build-provenance@|actions\/attest@|slsa-framework\/slsa-github-generator\//;
/** Code scanning's default setup runs a workflow that has no file in the repository. */
const DEFAULT_SETUP_SCAN = /^dynamic\/github-code-scanning\//;

/** Sorts the `.github/workflows` files by what they do. */
export function classifyWorkflows(
  entries: readonly TreeEntryNode[],
): WorkflowKinds {
  const kinds: WorkflowKinds = {
    policyTests: new Set(),
    scanning: new Set(),
    attesting: new Set(),
  };
  for (const entry of entries) {
    const path = entry.path;
    const text = entry.object?.text;
    if (!path || typeof text !== 'string' || !/\.ya?ml$/.test(path)) continue;
    if (POLICY_TEST.test(text)) kinds.policyTests.add(path);
    if (SCANNING.test(text)) kinds.scanning.add(path);
    if (ATTESTING.test(text)) kinds.attesting.add(path);
  }
  return kinds;
}

export function isScanningRun(
  path: string | undefined,
  kinds: WorkflowKinds,
): boolean {
  return !!path && (kinds.scanning.has(path) || DEFAULT_SETUP_SCAN.test(path));
}
