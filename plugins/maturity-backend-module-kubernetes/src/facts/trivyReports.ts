import type { CustomObjectTypes } from '../client/customObjects';
import { lookup } from '../matching/lookupIndex';
import type { MatchedWorkload } from './matchedWorkload';

/** Trivy Operator reports name their owner: the Deployment's ReplicaSet, or the StatefulSet. */
function reportsOn(
  w: MatchedWorkload,
  report: CustomObjectTypes['VulnerabilityReport'],
): boolean {
  const labels = report.metadata.labels ?? {};
  if (
    labels['trivy-operator.resource.namespace'] &&
    labels['trivy-operator.resource.namespace'] !== w.namespace
  ) {
    return false;
  }
  const kind = labels['trivy-operator.resource.kind'];
  const name = labels['trivy-operator.resource.name'] ?? '';
  if (kind === w.kind) return name === w.name;
  // A ReplicaSet of a Deployment is named `<deployment>-<pod-template-hash>`.
  const prefix = `${w.name}-`;
  return (
    w.kind === 'Deployment' &&
    kind === 'ReplicaSet' &&
    name.startsWith(prefix) &&
    /^[a-z0-9]+$/.test(name.slice(prefix.length))
  );
}

/** Reports filed by namespace and the owner their labels name (a ReplicaSet also under its Deployment). */
const REPORT_OWNERS = {
  name: 'trivy-report-owner',
  keysOf: (report: CustomObjectTypes['VulnerabilityReport']) => {
    const labels = report.metadata.labels ?? {};
    const namespace = report.metadata.namespace ?? '';
    const kind = labels['trivy-operator.resource.kind'];
    const name = labels['trivy-operator.resource.name'] ?? '';
    const deployment = /^(.+)-[a-z0-9]+$/.exec(name)?.[1];
    return [
      `${namespace}|${kind}|${name}`,
      ...(kind === 'ReplicaSet' && deployment
        ? [`${namespace}|Deployment|${deployment}`]
        : []),
    ];
  },
};

/** The Trivy reports about the workload, looked up by owner and then checked. */
export function reportsAbout<
  T extends CustomObjectTypes['VulnerabilityReport'],
>(w: MatchedWorkload, reports: readonly T[]): T[] {
  return lookup(reports, REPORT_OWNERS, [
    `${w.namespace}|${w.kind}|${w.name}`,
  ]).filter(r => reportsOn(w, r));
}
