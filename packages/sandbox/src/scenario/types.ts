import type { Entity } from '@backstage/catalog-model';

/**
 * What the scenario intends for one service: which rubric checks its evidence should
 * pass. The GitHub and Kubernetes worlds are generated from these profiles so that the
 * catalog, the repositories and the clusters agree with each other.
 */
export interface ServiceProfile {
  /** `component:default/<name>` */
  entityRef: string;
  name: string;
  /** `owner/repo`, or undefined when the service has no github.com/project-slug (unlinked). */
  githubSlug?: string;
  /** Where its workloads run, or undefined when it has no Kubernetes annotation (unlinked). */
  kubernetes?: {
    cluster: string;
    namespace: string;
    /** The value of backstage.io/kubernetes-id, also the workloads' `backstage.io/kubernetes-id` label. */
    kubernetesId?: string;
    /** backstage.io/kubernetes-label-selector, e.g. `app.kubernetes.io/name=foo`. */
    labelSelector?: string;
    /** The entity also carries backstage.io/kubernetes-namespace (= `namespace`). */
    restrictToNamespace?: boolean;
  };
  /** The level the evidence is designed to support (0–5). */
  targetLevel: number;
  /**
   * Intended outcome per rubric check id (see plugins/maturity-common/src/rubric):
   * `pass` or `fail`. Checks of sources the service is not linked to are absent.
   */
  intents: Record<string, 'pass' | 'fail'>;
  /**
   * Checks of linked sources whose outcome is `unknown` by design, with the reason (a CRD
   * not installed on the service's cluster). They have no intent.
   */
  unobservable?: Record<string, string>;
}

/** A whole generated world. */
export interface Scenario {
  seed: number;
  size: number;
  /** Catalog entities: Groups, Users, Systems, Components, APIs. */
  entities: Entity[];
  services: ServiceProfile[];
}
