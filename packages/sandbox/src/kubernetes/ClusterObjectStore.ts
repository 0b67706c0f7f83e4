import { matchesLabels, type LabelRequirement } from './labelSelector';
import { groupOfApiVersion, type SandboxResourceType } from './resourceTypes';
import type { KubeObject } from './types';

/** The objects of one cluster, indexed by type and sorted, so a list page is a slice. */
export class ClusterObjectStore {
  private readonly byType = new Map<string, KubeObject[]>();

  constructor(objects: readonly KubeObject[]) {
    for (const object of objects) {
      const key = typeKey(groupOfApiVersion(object.apiVersion), object.kind);
      const list = this.byType.get(key) ?? [];
      list.push(object);
      this.byType.set(key, list);
    }
    for (const list of this.byType.values()) {
      list.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    }
  }

  list(
    type: SandboxResourceType,
    options: { namespace?: string; selector: readonly LabelRequirement[] },
  ): KubeObject[] {
    return (this.byType.get(typeKey(type.group, type.kind)) ?? []).filter(
      o =>
        (options.namespace === undefined ||
          o.metadata.namespace === options.namespace) &&
        matchesLabels(options.selector, o.metadata.labels),
    );
  }
}

function typeKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

function sortKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
