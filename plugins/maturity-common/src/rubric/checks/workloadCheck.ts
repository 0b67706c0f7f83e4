// Shared shape of the Kubernetes checks: most need the entity's workloads first.
import {
  type CheckDefinition,
  type RuleContext,
  type RuleOutcome,
  fail,
  pass,
} from '../CheckDefinition';
import {
  KUBERNETES_FACTS,
  type K8sContainerFact,
  type K8sWorkloadFact,
} from '../kubernetesFacts';
import { linkedWorkloads, listBriefly } from './ruleHelpers';

export const K8S_ANNOTATIONS_DOC =
  'https://backstage.io/docs/features/kubernetes/configuration#surfacing-your-kubernetes-components-as-part-of-an-entity';

export type Base = Omit<
  CheckDefinition,
  'rule' | 'sources' | 'params' | 'facts'
> & {
  facts?: string[];
  params?: CheckDefinition['params'];
};

/** A Kubernetes check that needs the entity's workloads; unknown ("not linked") without them. */
export function workloadCheck(
  base: Base,
  rule: (workloads: K8sWorkloadFact[], context: RuleContext) => RuleOutcome,
): CheckDefinition {
  return {
    params: {},
    ...base,
    sources: ['kubernetes'],
    facts: [KUBERNETES_FACTS.workloads, ...(base.facts ?? [])],
    rule: context => rule(linkedWorkloads(context.facts), context),
  };
}

/** Every container of every workload must satisfy `ok`; the reason names the ones that do not. */
export function everyContainer(
  workloads: K8sWorkloadFact[],
  ok: (c: K8sContainerFact) => boolean,
  passText: string,
  failText: string,
): RuleOutcome {
  const bad = workloads.flatMap(w =>
    w.containers.filter(c => !ok(c)).map(c => `${w.name}/${c.name}`),
  );
  return bad.length === 0
    ? pass(passText)
    : fail(`${failText}: ${listBriefly(bad)}`);
}
