import type { Random } from '../../random/createRandom';
import type { SandboxCheckSuite, SandboxCommit } from '../types';
import { ATTEST_WORKFLOW, CI_WORKFLOW, SCAN_WORKFLOW } from '../workflowFiles';
import {
  DAY,
  GITHUB_ACTIONS_APP_ID,
  HOUR,
  hexId,
  iso,
  type Intents,
} from './shared';

export function buildCommits(
  intents: Intents,
  random: Random,
  now: number,
  workflows: { policyPath?: string; scans: boolean },
): SandboxCommit[] {
  const builds = intents['ci-builds'] === 'pass';
  const green = intents['ci-green'] === 'pass';
  // No successful build in 90 days but a green history: every run is older than 90 days.
  // Neither: commits, but no CI run at all.
  const runs = builds || green;
  const count = 60;
  const newest =
    builds || !runs
      ? now - random.int(1, 36) * HOUR
      : now - random.int(95, 120) * DAY;
  const spanDays = builds || !runs ? 60 : 200;
  const commits: SandboxCommit[] = [];
  for (let index = 0; index < count; index++) {
    const at =
      newest -
      Math.round((index * spanDays * DAY) / count) -
      random.int(0, 3) * HOUR;
    // Green: one bad commit in ten. Not green: three in five, with a success in every five.
    const failing = green ? index % 10 === 3 : index % 5 < 3;
    const suites: SandboxCheckSuite[] = [
      suite(CI_WORKFLOW.path, failing ? 'FAILURE' : 'SUCCESS', at + 2 * 60_000),
    ];
    if (workflows.policyPath) {
      suites.push(
        suite(
          workflows.policyPath,
          failing ? 'FAILURE' : 'SUCCESS',
          at + 3 * 60_000,
        ),
      );
    }
    // Scans count for continuous-scanning only when recent; failing services scanned long ago.
    const scanAllowed =
      intents['continuous-scanning'] === 'pass' || at < now - 35 * DAY;
    if (workflows.scans && index % 5 === 3 && scanAllowed) {
      suites.push(suite(SCAN_WORKFLOW.path, 'SUCCESS', at + 4 * 60_000));
    }
    if (index % 5 === 4) {
      suites.push(suite(ATTEST_WORKFLOW.path, 'SUCCESS', at + 5 * 60_000));
    }
    if (index === 0) {
      // A run still going and a non-Actions check suite: neither is a completed CI run.
      suites.push({
        ...suite(CI_WORKFLOW.path, null, at + 6 * 60_000),
        status: 'IN_PROGRESS',
      });
      suites.push({ ...suite('', 'FAILURE', at + 60_000), appId: 9426 });
    }
    commits.push({
      oid: hexId(random, 40),
      committedDate: iso(at),
      paths: ['src/index.ts'],
      checkSuites: runs ? suites : [],
    });
  }
  return commits;
}

export function suite(
  workflowPath: string,
  conclusion: SandboxCheckSuite['conclusion'],
  at: number,
): SandboxCheckSuite {
  return {
    workflowPath,
    status: 'COMPLETED',
    conclusion,
    createdAt: iso(at),
    updatedAt: iso(at + 7 * 60_000),
    appId: GITHUB_ACTIONS_APP_ID,
  };
}

export function addDocs(
  files: Record<string, string>,
  commits: SandboxCommit[],
  fresh: boolean,
  random: Random,
  now: number,
) {
  const hasDocs = fresh || random.chance(0.6);
  if (!hasDocs) return;
  files['docs/index.md'] = '# Docs\n';
  files['mkdocs.yml'] = 'site_name: docs\n';
  const changedAt = fresh
    ? now - random.int(2, 150) * DAY
    : now - random.int(200, 500) * DAY;
  const recent = commits.find(c => Date.parse(c.committedDate) <= changedAt);
  if (recent) {
    recent.paths.push('docs/index.md');
    return;
  }
  commits.push({
    oid: hexId(random, 40),
    committedDate: iso(changedAt),
    paths: ['docs/index.md', 'mkdocs.yml'],
    checkSuites: [],
  });
  commits.sort(
    (a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate),
  );
}
