import type {
  K8sIngressFact,
  K8sNetworkPolicyFact,
} from '@maturity/plugin-maturity-common';
import { isEmptySelector } from '../matching/labelSelector';
import { selecting } from '../matching/selectorIndex';
import { servicesOf } from './servicesOf';
import type { MatchedWorkload } from './matchedWorkload';
import { inNamespace } from './inNamespace';
import { lookup } from '../matching/lookupIndex';
import type { BuiltInObjectTypes } from '../client/builtInObjects';
import type { CustomObjectTypes } from '../client/customObjects';

type NetworkPolicy = BuiltInObjectTypes['NetworkPolicy'];
type Ingress = BuiltInObjectTypes['Ingress'];

/**
 * NetworkPolicies whose podSelector picks the pods (an empty podSelector picks every pod
 * of the namespace and is counted as default deny when it allows no ingress).
 */
export function networkPolicies(
  workloads: readonly MatchedWorkload[],
): K8sNetworkPolicyFact {
  const found = new Set<string>();
  let defaultDeny = workloads.length > 0;
  for (const w of workloads) {
    const here = inNamespace(w.snapshot.networkPolicies, w.namespace);
    const picking = selecting(here, p => p.spec?.podSelector, w.podLabels);
    for (const policy of picking) {
      if (!isEmptySelector(policy.spec?.podSelector)) {
        found.add(
          `${w.snapshot.cluster}/${w.namespace}/${policy.metadata?.name}`,
        );
      }
    }
    if (!hasDefaultDeny(here)) defaultDeny = false;
  }
  return { selecting: found.size, defaultDeny };
}

// A namespace's policies are the same array for every workload in it (see lookupIndex).
const defaultDenyByList = new WeakMap<readonly NetworkPolicy[], boolean>();

function hasDefaultDeny(policies: readonly NetworkPolicy[]): boolean {
  let found = defaultDenyByList.get(policies);
  if (found === undefined) {
    found = policies.some(isDefaultDeny);
    defaultDenyByList.set(policies, found);
  }
  return found;
}

function isDefaultDeny(policy: NetworkPolicy): boolean {
  const types = policy.spec?.policyTypes ?? ['Ingress'];
  return (
    isEmptySelector(policy.spec?.podSelector) &&
    types.includes('Ingress') &&
    (policy.spec?.ingress ?? []).length === 0
  );
}

// cert-manager Certificates by the namespace and name of the Secret they write.
const CERTIFICATE_BY_SECRET = {
  name: 'certificate-secret',
  keysOf: (c: CustomObjectTypes['Certificate']) => [
    `${c.metadata.namespace}/${c.spec?.secretName ?? ''}`,
  ],
};

/** Ingresses routing to a Service that selects the pods, with their cert-manager Certificates. */
export function ingresses(
  workloads: readonly MatchedWorkload[],
): K8sIngressFact[] {
  const facts = new Map<string, K8sIngressFact>();
  for (const w of workloads) {
    const { snapshot } = w;
    const routing = new Set(
      servicesOf(w).flatMap(
        s =>
          ingressesByBackend(snapshot.ingresses).get(
            `${w.namespace}/${s.metadata?.name}`,
          ) ?? [],
      ),
    );
    for (const ingress of routing) {
      const secretNames = (ingress.spec?.tls ?? []).flatMap(t =>
        t.secretName ? [t.secretName] : [],
      );
      const certificates = lookup(
        snapshot.custom.Certificate,
        CERTIFICATE_BY_SECRET,
        secretNames.map(name => `${w.namespace}/${name}`),
      ).map(c => ({
        name: c.metadata.name,
        ready: (c.status?.conditions ?? []).some(
          x => x.type === 'Ready' && x.status === 'True',
        ),
        notAfter: c.status?.notAfter ?? null,
      }));
      facts.set(
        `${snapshot.cluster}/${w.namespace}/${ingress.metadata?.name}`,
        {
          name: ingress.metadata?.name ?? '',
          tls: (ingress.spec?.tls ?? []).length > 0,
          certificates,
        },
      );
    }
  }
  return [...facts.values()];
}

const backendIndexes = new WeakMap<
  readonly Ingress[],
  Map<string, Ingress[]>
>();

/** Ingresses by `<namespace>/<backend Service>`, built once per list. */
function ingressesByBackend(list: readonly Ingress[]): Map<string, Ingress[]> {
  let index = backendIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const ingress of list) {
      for (const service of new Set(backendServices(ingress))) {
        const key = `${ingress.metadata?.namespace}/${service}`;
        const filed = index.get(key);
        if (filed) filed.push(ingress);
        else index.set(key, [ingress]);
      }
    }
    backendIndexes.set(list, index);
  }
  return index;
}

function backendServices(ingress: Ingress): string[] {
  const names = (ingress.spec?.rules ?? []).flatMap(rule =>
    (rule.http?.paths ?? []).map(path => path.backend.service?.name),
  );
  names.push(ingress.spec?.defaultBackend?.service?.name);
  return names.filter((name): name is string => Boolean(name));
}
