import type { Entity } from '@backstage/catalog-model';

const group = (name: string, members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: members.map(m => ({
    type: 'hasMember',
    targetRef: `user:default/${m}`,
  })),
});

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

/** A small org: one well-kept service, one neglected one, one owned by a one-person team. */
export const fixtureEntities: Entity[] = [
  group('payments', ['ada', 'bob']),
  group('solo', ['cy']),
  user('ada'),
  user('bob'),
  user('cy'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-rest', namespace: 'default' },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'payments',
      definition: 'openapi: 3.0.0',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      title: 'Payments API',
      annotations: {
        'github.com/project-slug': 'acme/payments-api',
        'backstage.io/source-template': 'template:default/service',
      },
      links: [{ url: 'https://grafana.example/d/payments', type: 'dashboard' }],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
      system: 'payments-platform',
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'providesApi', targetRef: 'api:default/payments-rest' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ops-scripts', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'user:default/cy',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'route-planner',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'acme/route-planner' },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: 'solo',
      system: 'routing',
    },
  },
];
