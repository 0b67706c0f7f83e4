import type { Entity } from '@backstage/catalog-model';
import { createRandom, type Random } from '../random/createRandom';
import { SANDBOX_CLUSTERS, namespaceFor } from '../kubernetes/sandboxClusters';
import { adjustForPartialCluster } from './adjustForPartialCluster';
import { checksInScope, type Linkage } from './checkScope';
import { drawIntents, type Intents } from './drawIntents';
import { departmentName, serviceName, teamName, userName } from './names';
import { withRelations } from './relations';
import type { Scenario, ServiceProfile } from './types';
import { defaultChecks } from '@maturity/plugin-maturity-common';

/** @public */
export interface GenerateScenarioOptions {
  /** Same seed and size, same scenario, on every machine. */
  seed: number;
  /** Number of services (Components). */
  size: number;
}

const API_VERSION = 'backstage.io/v1alpha1';
const KUBERNETES_CHECK_IDS = new Set(
  defaultChecks.filter(c => c.sources.includes('kubernetes')).map(c => c.id),
);

interface Team {
  name: string;
  department: string;
  members: number;
}

/**
 * A deterministic catalog (org → departments → teams with members, systems, components,
 * APIs) and one {@link ServiceProfile} per component, whose intents spread the services
 * over every level 0–5. The first services cover each level and each kind of unlinked
 * service, so small scenarios show every case too.
 * @public
 */
export function generateScenario(options: GenerateScenarioOptions): Scenario {
  const { seed, size } = options;
  const random = createRandom(seed);
  const departments = Array.from(
    { length: clamp(Math.ceil(size / 50), 2, 12) },
    (_, i) => departmentName(i),
  );
  const teams: Team[] = Array.from(
    { length: Math.max(3, Math.ceil(size / 8)) },
    (_, i) => ({
      name: teamName(i),
      department: departments[i % departments.length],
      // Every fourth team is one person, so owner-is-team can fail.
      members: i % 4 === 3 ? 1 : random.int(2, 5),
    }),
  );
  const entities: Entity[] = [...orgEntities(departments, teams)];
  const services: ServiceProfile[] = [];
  for (let index = 0; index < size; index += 1) {
    const name = serviceName(index);
    const linkage = linkageFor(index, random);
    const targetLevel =
      linkage.github && linkage.kubernetes ? levelFor(index, random) : 0;
    const profile = profileFor(random, name, linkage, targetLevel);
    services.push(profile);
    entities.push(...serviceEntities(random, profile, teams, departments));
  }
  return { seed, size, entities: withRelations(entities), services };
}

function linkageFor(index: number, random: Random): Linkage {
  const fixed: Record<number, Linkage> = {
    6: { github: false, kubernetes: false },
    7: { github: true, kubernetes: false },
    8: { github: false, kubernetes: true },
  };
  if (index < 6) return { github: true, kubernetes: true };
  if (fixed[index]) return fixed[index];
  const roll = random.next();
  if (roll < 0.08) return { github: false, kubernetes: false };
  if (roll < 0.14) return { github: true, kubernetes: false };
  if (roll < 0.19) return { github: false, kubernetes: true };
  return { github: true, kubernetes: true };
}

function levelFor(index: number, random: Random): number {
  return index < 6 ? index : random.pick([0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
}

function profileFor(
  random: Random,
  name: string,
  linkage: Linkage,
  targetLevel: number,
): ServiceProfile {
  const fixed: Intents = { 'repo-linked': linkage.github ? 'pass' : 'fail' };
  let intents = drawIntents(random, checksInScope(linkage), targetLevel, fixed);
  const profile: ServiceProfile = {
    entityRef: `component:default/${name}`,
    name,
    githubSlug: linkage.github ? `acme/${name}` : undefined,
    targetLevel,
    intents,
  };
  if (!linkage.kubernetes) return profile;

  if (intents['workload-linked'] === 'fail') {
    // Linked by annotation but nothing runs: the other Kubernetes checks cannot be observed.
    intents = Object.fromEntries(
      Object.entries(intents).filter(
        ([id]) => id === 'workload-linked' || !KUBERNETES_CHECK_IDS.has(id),
      ),
    );
  }
  const cluster =
    intents['log-shipping'] === 'fail'
      ? SANDBOX_CLUSTERS.partial
      : SANDBOX_CLUSTERS.full;
  const byId = random.chance(0.7);
  profile.intents = intents;
  profile.kubernetes = {
    cluster: cluster.name,
    namespace: namespaceFor(intents),
    ...(byId
      ? { kubernetesId: name }
      : { labelSelector: `app.kubernetes.io/name=${name}` }),
    restrictToNamespace: random.chance(0.4),
  };
  adjustForPartialCluster(profile);
  return profile;
}

function orgEntities(departments: string[], teams: Team[]): Entity[] {
  const group = (
    name: string,
    type: string,
    parent?: string,
    displayName?: string,
  ): Entity => ({
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: { name },
    spec: {
      type,
      profile: { displayName: displayName ?? name },
      ...(parent ? { parent: `group:default/${parent}` } : {}),
      children: [],
    },
  });
  const entities: Entity[] = [
    group('acme', 'organization', undefined, 'Acme Corporation'),
  ];
  entities.push(...departments.map(d => group(d, 'department', 'acme')));
  let userIndex = 0;
  for (const team of teams) {
    entities.push(group(team.name, 'team', team.department));
    for (let m = 0; m < team.members; m += 1) {
      const name = userName(userIndex);
      userIndex += 1;
      entities.push({
        apiVersion: API_VERSION,
        kind: 'User',
        metadata: { name },
        spec: {
          profile: { displayName: name, email: `${name}@acme.example` },
          memberOf: [`group:default/${team.name}`],
        },
      });
    }
  }
  for (const department of departments) {
    entities.push({
      apiVersion: API_VERSION,
      kind: 'System',
      metadata: { name: `${department}-system` },
      spec: { owner: `group:default/${department}` },
    });
  }
  return entities;
}

/** The Component (and its API) whose catalog data realises the catalog checks' intents. */
function serviceEntities(
  random: Random,
  profile: ServiceProfile,
  teams: Team[],
  departments: string[],
): Entity[] {
  const { intents, name } = profile;
  const teamOptions = teams.filter(t =>
    intents['owner-is-team'] === 'fail' ? t.members < 2 : t.members >= 2,
  );
  const team = random.pick(teamOptions.length ? teamOptions : teams);
  const annotations: Record<string, string> = {};
  const links: { url: string; title: string; type: string }[] = [];
  if (profile.githubSlug)
    annotations['github.com/project-slug'] = profile.githubSlug;
  const k8s = profile.kubernetes;
  if (k8s?.kubernetesId)
    annotations['backstage.io/kubernetes-id'] = k8s.kubernetesId;
  if (k8s?.labelSelector)
    annotations['backstage.io/kubernetes-label-selector'] = k8s.labelSelector;
  if (k8s?.restrictToNamespace)
    annotations['backstage.io/kubernetes-namespace'] = k8s.namespace;
  if (decide(random, intents['dashboards-linked'])) {
    if (random.chance(0.5))
      annotations['grafana/dashboard-selector'] = `tags @> 'svc:${name}'`;
    else
      links.push({
        url: `https://grafana.acme.example/d/${name}`,
        title: 'Dashboard',
        type: 'dashboard',
      });
  }
  if (decide(random, intents['self-service-created'])) {
    annotations['backstage.io/source-template'] =
      'template:default/service-template';
  }
  // docs-with-code fails on the catalog side (no techdocs-ref), so GitHub need not fake stale docs.
  if (
    intents['docs-with-code']
      ? intents['docs-with-code'] === 'pass'
      : random.chance(0.5)
  ) {
    annotations['backstage.io/techdocs-ref'] = 'dir:.';
  }
  if (intents['slo-defined'] === 'pass' && random.chance(0.3)) {
    links.push({
      url: `https://slo.acme.example/${name}`,
      title: 'SLO',
      type: 'slo',
    });
  }
  const provides = decide(random, intents['apis-declared']);
  const ownerDefined = decide(random, intents['owner-defined']);
  const component: Entity = {
    apiVersion: API_VERSION,
    kind: 'Component',
    metadata: { name, annotations, ...(links.length ? { links } : {}) },
    spec: {
      type: 'service',
      lifecycle:
        profile.targetLevel <= 1 && random.chance(0.3)
          ? 'experimental'
          : 'production',
      owner: `group:default/${team.name}`,
      // owner-defined fails through a missing system; the owner stays a Group for owner-is-team.
      ...(ownerDefined ? { system: `${team.department}-system` } : {}),
      ...(provides ? { providesApis: [`${name}-api`] } : {}),
    },
  };
  if (!provides) return [component];
  const api: Entity = {
    apiVersion: API_VERSION,
    kind: 'API',
    metadata: { name: `${name}-api` },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: `group:default/${team.name}`,
      system: `${
        departments.includes(team.department) ? team.department : departments[0]
      }-system`,
      definition: `openapi: 3.0.0\ninfo: { title: ${name}, version: 1.0.0 }\npaths: {}\n`,
    },
  };
  return [component, api];
}

/** The intent when there is one, else a coin toss (checks outside the service's scope). */
function decide(random: Random, intent: 'pass' | 'fail' | undefined): boolean {
  return intent ? intent === 'pass' : random.chance(0.5);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
