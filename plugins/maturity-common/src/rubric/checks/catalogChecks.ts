import type { JsonObject } from '@backstage/types';
import {
  type CheckDefinition,
  fail,
  notApplicable,
  pass,
  unknown,
} from '../CheckDefinition';
import {
  CATALOG_FACTS,
  type CatalogOwnerFact,
  type CatalogProvidedApiFact,
} from '../catalogFacts';
import { MODEL_LINKS, WELL_KNOWN_ANNOTATIONS_DOC } from '../links';

type Annotations = Record<string, string>;

const stringList = (params: JsonObject, key: string): string[] => {
  const value = params[key];
  return Array.isArray(value) ? value.map(String) : [];
};

export const ownerDefined: CheckDefinition = {
  id: 'owner-defined',
  title: 'Owned by a team, with lifecycle and system',
  level: 1,
  dimension: 'people',
  lens: 'compliance',
  required: false,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.owner, CATALOG_FACTS.lifecycle, CATALOG_FACTS.system],
  hint: 'Set spec.owner to a Group that exists in the catalog, and fill in spec.lifecycle and spec.system.',
  link: MODEL_LINKS.level1,
  params: {},
  rule: ({ facts }) => {
    const owner = facts.get<CatalogOwnerFact>(CATALOG_FACTS.owner);
    const lifecycle = facts.get<string | null>(CATALOG_FACTS.lifecycle);
    const system = facts.get<string | null>(CATALOG_FACTS.system);
    const problems: string[] = [];
    if (!owner.ref) problems.push('no spec.owner');
    else if (!owner.resolved)
      problems.push(`owner ${owner.ref} is not in the catalog`);
    else if (owner.kind !== 'group')
      problems.push(`owner ${owner.ref} is a ${owner.kind}, not a Group`);
    if (!lifecycle) problems.push('no spec.lifecycle');
    if (!system) problems.push('no spec.system');
    return problems.length
      ? fail(capitalize(problems.join('; ')))
      : pass(
          `Owned by ${owner.ref}, lifecycle ${lifecycle}, part of ${system}`,
        );
  },
};

export const repoLinked: CheckDefinition = {
  id: 'repo-linked',
  title: 'Source repository linked',
  level: 1,
  dimension: 'process',
  lens: 'delivery',
  required: true,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.annotations],
  hint: 'Add the github.com/project-slug annotation (owner/repo) so CI and repository evidence can be collected.',
  link: WELL_KNOWN_ANNOTATIONS_DOC,
  params: {
    annotations: [
      'github.com/project-slug',
      'gitlab.com/project-slug',
      'dev.azure.com/project-repo',
      'bitbucket.org/project-slug',
    ],
  },
  rule: ({ facts, params }) => {
    const annotations = facts.get<Annotations>(CATALOG_FACTS.annotations);
    const found = stringList(params, 'annotations').find(a => annotations[a]);
    return found
      ? pass(`${found}: ${annotations[found]}`)
      : fail('No repository annotation (github.com/project-slug)');
  },
};

export const ownerIsTeam: CheckDefinition = {
  id: 'owner-is-team',
  title: 'Owner is a real team',
  level: 2,
  dimension: 'people',
  lens: 'reliability',
  required: false,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.owner],
  hint: 'Own the service by a Group with at least two members, so it does not depend on one person.',
  link: MODEL_LINKS.level2,
  params: { minMembers: 2 },
  rule: ({ facts, params }) => {
    const owner = facts.get<CatalogOwnerFact>(CATALOG_FACTS.owner);
    const minMembers = Number(params.minMembers ?? 2);
    if (!owner.ref || !owner.resolved) {
      return fail('The owner is missing or not in the catalog');
    }
    if (owner.kind !== 'group') {
      return fail(`Owned by a ${owner.kind} (${owner.ref}), not a team`);
    }
    const members = owner.memberCount ?? 0;
    return members >= minMembers
      ? pass(`${owner.ref} has ${members} members`)
      : fail(
          `${owner.ref} has ${members} member${
            members === 1 ? '' : 's'
          }; at least ${minMembers} needed`,
        );
  },
};

export const dashboardsLinked: CheckDefinition = {
  id: 'dashboards-linked',
  title: 'Dashboard linked',
  level: 3,
  dimension: 'process',
  lens: 'reliability',
  required: false,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.annotations, CATALOG_FACTS.linkTypes],
  hint: 'Link the service dashboard: a metadata.links entry with type dashboard, or an annotation such as grafana/dashboard-selector.',
  link: MODEL_LINKS.level3,
  params: {
    annotations: [
      'grafana/dashboard-selector',
      'grafana/overview-dashboard',
      'datadoghq.com/dashboard-url',
      'newrelic.com/dashboard-guid',
    ],
    linkTypes: ['dashboard'],
  },
  rule: ({ facts, params }) => {
    const annotations = facts.get<Annotations>(CATALOG_FACTS.annotations);
    const linkTypes = facts.get<string[]>(CATALOG_FACTS.linkTypes);
    const annotation = stringList(params, 'annotations').find(
      a => annotations[a],
    );
    if (annotation) return pass(`Annotation ${annotation}`);
    const link = stringList(params, 'linkTypes').find(t =>
      linkTypes.includes(t),
    );
    if (link) return pass(`Link of type ${link}`);
    return fail('No dashboard link or dashboard annotation');
  },
};

export const apisDeclared: CheckDefinition = {
  id: 'apis-declared',
  title: 'APIs declared with a definition',
  level: 3,
  dimension: 'technology',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.type, CATALOG_FACTS.providedApis],
  hint: 'Register the API the service offers as an API entity with a definition, and list it in spec.providesApis.',
  link: MODEL_LINKS.level3,
  params: { exemptTypes: ['library'] },
  rule: ({ facts, params }) => {
    const type = facts.get<string | null>(CATALOG_FACTS.type);
    if (type && stringList(params, 'exemptTypes').includes(type)) {
      return notApplicable(`A ${type} provides no service API`);
    }
    const apis = facts.get<CatalogProvidedApiFact[]>(
      CATALOG_FACTS.providedApis,
    );
    const defined = apis.filter(api => api.hasDefinition);
    if (defined.length > 0) {
      return pass(`Provides ${defined.map(a => a.ref).join(', ')}`);
    }
    return apis.length > 0
      ? fail(`${apis.map(a => a.ref).join(', ')} has no definition`)
      : fail('Provides no API (spec.providesApis is empty)');
  },
};

export const selfServiceCreated: CheckDefinition = {
  id: 'self-service-created',
  title: 'Created from a software template',
  level: 4,
  dimension: 'people',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['catalog'],
  facts: [CATALOG_FACTS.annotations],
  hint: 'Create services from a Backstage software template; templates record backstage.io/source-template.',
  link: 'https://backstage.io/docs/features/software-templates/',
  params: {},
  rule: ({ facts }) => {
    const template = facts.get<Annotations>(CATALOG_FACTS.annotations)[
      'backstage.io/source-template'
    ];
    return template
      ? pass(`Created from ${template}`)
      : fail('No backstage.io/source-template annotation');
  },
};

export const docsWithCode: CheckDefinition = {
  id: 'docs-with-code',
  title: 'Docs live with the code and are kept up to date',
  level: 4,
  dimension: 'people',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['catalog', 'github'],
  facts: [CATALOG_FACTS.annotations, 'github.docsLastChangedAt'],
  hint: 'Keep docs in the repository (backstage.io/techdocs-ref: dir:.) and change them as the code changes.',
  link: 'https://backstage.io/docs/features/techdocs/',
  params: { maxAgeDays: 180 },
  rule: ({ facts, params, now }) => {
    const annotations = facts.get<Annotations>(CATALOG_FACTS.annotations);
    if (!annotations['backstage.io/techdocs-ref']) {
      return fail('No backstage.io/techdocs-ref annotation');
    }
    // The catalog half passes; only the repository can say whether the docs are alive.
    const lastChanged = facts.find<string | null>('github.docsLastChangedAt');
    if (lastChanged === undefined) {
      return unknown(
        'TechDocs are set up, but when the docs last changed has not been observed from GitHub',
      );
    }
    if (lastChanged === null) return fail('The repository has no docs changes');
    const maxAgeDays = Number(params.maxAgeDays ?? 180);
    const ageDays = (now.getTime() - Date.parse(lastChanged)) / 86_400_000;
    return ageDays <= maxAgeDays
      ? pass(`Docs changed ${Math.floor(ageDays)} days ago`)
      : fail(
          `Docs last changed ${Math.floor(
            ageDays,
          )} days ago (more than ${maxAgeDays})`,
        );
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @public */
export const catalogChecks: CheckDefinition[] = [
  ownerDefined,
  repoLinked,
  ownerIsTeam,
  dashboardsLinked,
  apisDeclared,
  selfServiceCreated,
  docsWithCode,
];
