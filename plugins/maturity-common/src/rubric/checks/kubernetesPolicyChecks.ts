// Policy and security checks read from the clusters.
import { fail, notApplicable, pass } from '../CheckDefinition';
import {
  KUBERNETES_FACTS,
  type K8sAdmissionFact,
  type K8sIngressFact,
  type K8sNetworkPolicyFact,
  type K8sPolicyExceptionFact,
  type K8sPolicyReportFact,
} from '../kubernetesFacts';
import { MODEL_LINKS } from '../links';
import { ACTIVE_WAIVERS_FACT } from '../catalogFacts';
import { ageDays, listBriefly, numberParam } from './ruleHelpers';
import { workloadCheck } from './workloadCheck';

export const tls = workloadCheck(
  {
    id: 'tls',
    title: 'TLS on ingress',
    level: 2,
    dimension: 'policy',
    lens: 'security',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.ingresses],
    hint: 'Terminate TLS on every Ingress (spec.tls), ideally with a cert-manager Certificate that renews itself.',
    link: 'https://cert-manager.io/docs/usage/ingress/',
    params: { minCertificateDays: 14 },
  },
  (_workloads, { facts, params, now }) => {
    const ingresses = facts.get<K8sIngressFact[]>(KUBERNETES_FACTS.ingresses);
    if (ingresses.length === 0)
      return notApplicable('The service has no Ingress');
    const minDays = numberParam(params, 'minCertificateDays', 14);
    const plain = ingresses.filter(i => !i.tls).map(i => i.name);
    if (plain.length) return fail(`No spec.tls on ${listBriefly(plain)}`);
    const weak = ingresses.flatMap(i =>
      i.certificates
        .filter(
          c =>
            !c.ready ||
            (c.notAfter !== null && -ageDays(now, c.notAfter) <= minDays),
        )
        .map(c => c.name),
    );
    return weak.length
      ? fail(
          `Certificates not ready or expiring within ${minDays} days: ${listBriefly(
            weak,
          )}`,
        )
      : pass(`TLS on ${listBriefly(ingresses.map(i => i.name))}`);
  },
);

export const policyClean = workloadCheck(
  {
    id: 'policy-clean',
    title: 'Policy reports are clean',
    level: 3,
    dimension: 'policy',
    lens: 'compliance',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.policyReports],
    hint: 'Fix the workloads until Kyverno or Gatekeeper PolicyReports show no failures or errors.',
    link: MODEL_LINKS.level3,
  },
  (_workloads, { facts }) => {
    const report = facts.get<K8sPolicyReportFact>(
      KUBERNETES_FACTS.policyReports,
    );
    if (report.pass + report.fail + report.error === 0) {
      return fail('No policy report results for the workloads');
    }
    return report.fail + report.error === 0
      ? pass(`${report.pass} policy results pass`)
      : fail(
          `${report.fail} failed and ${report.error} errored policy results`,
        );
  },
);

export const secretsManaged = workloadCheck(
  {
    id: 'secrets-managed',
    title: 'Secrets come from a secret manager',
    level: 3,
    dimension: 'policy',
    lens: 'security',
    required: false,
    weight: 1,
    hint: 'Deliver secrets with External Secrets, Sealed Secrets, the Secrets Store CSI driver or the Vault agent instead of plain Secrets.',
    link: MODEL_LINKS.level3,
  },
  workloads => {
    const sources = workloads.flatMap(w => w.secretSources);
    if (sources.length === 0)
      return notApplicable('The workloads use no secrets');
    const plain = workloads
      .filter(w => w.secretSources.includes('plain'))
      .map(w => w.name);
    return plain.length
      ? fail(`Plain Kubernetes Secrets used by ${listBriefly(plain)}`)
      : pass(`Secrets from ${[...new Set(sources)].join(', ')}`);
  },
);

export const policyEnforced = workloadCheck(
  {
    id: 'policy-enforced',
    title: 'Admission policies enforced',
    level: 4,
    dimension: 'policy',
    lens: 'compliance',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.admission],
    hint: 'Run admission policies in Enforce (deny) mode for the production namespaces, not only Audit.',
    link: MODEL_LINKS.level4,
  },
  (_workloads, { facts }) => {
    const admission = facts.get<K8sAdmissionFact>(KUBERNETES_FACTS.admission);
    if (admission.enforcing > 0)
      return pass(`${admission.enforcing} policies enforce on the namespaces`);
    return fail(
      admission.auditing > 0
        ? `${admission.auditing} policies only audit; none enforce`
        : 'No admission policy applies to the namespaces',
    );
  },
);

export const exceptionsFew = workloadCheck(
  {
    id: 'exceptions-few',
    title: 'Few policy exceptions, all expiring',
    level: 4,
    dimension: 'policy',
    lens: 'compliance',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.policyExceptions],
    hint: 'Keep policy exceptions to a minimum and give every one an expiry date.',
    link: MODEL_LINKS.level4,
    params: { maxExceptions: 2 },
  },
  (_workloads, { facts, params, now }) => {
    const max = numberParam(params, 'maxExceptions', 2);
    // An expired exception no longer exempts anything, so it does not count.
    const exceptions = facts
      .get<K8sPolicyExceptionFact[]>(KUBERNETES_FACTS.policyExceptions)
      .filter(e => !e.expires || Date.parse(e.expires) > now.getTime());
    const endless = exceptions.filter(e => !e.expires).map(e => e.name);
    if (endless.length)
      return fail(`Exceptions without expiry: ${listBriefly(endless)}`);
    // Waivers declared as code (config or annotation) are exceptions too.
    const waivers = facts.find<number>(ACTIVE_WAIVERS_FACT) ?? 0;
    const total = exceptions.length + waivers;
    const text = `${exceptions.length} policy exceptions and ${waivers} waivers, all with an expiry`;
    return total <= max ? pass(text) : fail(`${text}; at most ${max} in all`);
  },
);

export const networkPolicy = workloadCheck(
  {
    id: 'network-policy',
    title: 'Network policy',
    level: 4,
    dimension: 'policy',
    lens: 'security',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.networkPolicies],
    hint: 'Select the pods with a NetworkPolicy, or default-deny the namespace and allow only what the service needs.',
    link: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
  (_workloads, { facts }) => {
    const policies = facts.get<K8sNetworkPolicyFact>(
      KUBERNETES_FACTS.networkPolicies,
    );
    if (policies.selecting > 0)
      return pass(`${policies.selecting} NetworkPolicies select the pods`);
    return policies.defaultDeny
      ? pass('The namespace denies traffic by default')
      : fail(
          'No NetworkPolicy selects the pods and the namespace has no default deny',
        );
  },
);

export const meshMtls = workloadCheck(
  {
    id: 'mesh-mtls',
    title: 'Service mesh with strict mTLS',
    level: 4,
    dimension: 'policy',
    lens: 'security',
    required: false,
    weight: 1,
    hint: 'Enrol the workloads in the mesh (sidecar or ambient) and set mTLS to STRICT.',
    link: MODEL_LINKS.level4,
  },
  workloads => {
    const outside = workloads.filter(w => !w.mesh.enrolled).map(w => w.name);
    if (outside.length) return fail(`Not in the mesh: ${listBriefly(outside)}`);
    const permissive = workloads
      .filter(w => !w.mesh.strictMtls)
      .map(w => w.name);
    return permissive.length
      ? fail(`mTLS not strict for ${listBriefly(permissive)}`)
      : pass('Every workload is in the mesh with strict mTLS');
  },
);
