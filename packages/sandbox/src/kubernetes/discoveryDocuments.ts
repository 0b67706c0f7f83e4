import {
  SANDBOX_RESOURCE_TYPES,
  groupVersionOf,
  type SandboxResourceType,
} from './resourceTypes';

/** The resource types a cluster serves: built-ins plus the custom ones it has installed. */
export function servedTypes(
  notInstalled: readonly string[],
): SandboxResourceType[] {
  return SANDBOX_RESOURCE_TYPES.filter(
    t => !t.custom || !notInstalled.includes(t.kind),
  );
}

/** `GET /api` */
export function coreVersions() {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [],
  };
}

/** `GET /apis`: one entry per group with at least one served type. */
export function groupList(types: readonly SandboxResourceType[]) {
  const versionsByGroup = new Map<string, string[]>();
  for (const type of types) {
    if (!type.group) continue;
    const versions = versionsByGroup.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    versionsByGroup.set(type.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...versionsByGroup].map(([name, versions]) => {
      const list = versions.map(version => ({
        groupVersion: `${name}/${version}`,
        version,
      }));
      return { name, versions: list, preferredVersion: list[0] };
    }),
  };
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined when nothing is served there. */
export function resourceList(
  types: readonly SandboxResourceType[],
  group: string,
  version: string,
) {
  const inVersion = types.filter(
    t => t.group === group && t.version === version,
  );
  if (inVersion.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf({ group, version }),
    resources: inVersion.map(t => ({
      name: t.plural,
      singularName: t.kind.toLowerCase(),
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'list', 'watch'],
    })),
  };
}
