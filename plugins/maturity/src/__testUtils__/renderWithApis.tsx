import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { maturityApiRef, type MaturityApi } from '../api/MaturityApi';
import { MaturityClient } from '../api/MaturityClient';

/** Where the msw handlers of the HTTP tests answer. */
export const baseUrl = 'http://backstage.test/api/maturity';

/**
 * The real client, talking HTTP (answered by msw); its fetchApi adds a token the way the
 * app's fetchApi does, so tests can check it is sent.
 */
export function httpClient(): MaturityClient {
  return new MaturityClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', 'Bearer user-token');
        return fetch(input, { ...init, headers });
      },
    },
  });
}

export const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/**
 * Renders with a fake MaturityApi (the real client is tested against HTTP with msw in
 * MaturityClient.test.ts), the catalog's entity route mounted and a permission policy.
 */
export function renderWithApis(
  element: ReactElement,
  options: {
    api: Partial<MaturityApi> | MaturityClient;
    entity?: Entity;
    canRefresh?: boolean;
    route?: string;
  },
) {
  const catalogApi = {
    getEntityFacets: async () => ({
      facets: {
        'spec.lifecycle': [{ value: 'production', count: 3 }],
        'spec.system': [{ value: 'payments', count: 2 }],
        'metadata.annotations.maturity/tier': [{ value: 'tier-1', count: 2 }],
      },
    }),
  };
  const permission = mockApis.permission({
    authorize:
      options.canRefresh === false
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, options.api],
        [catalogApiRef, catalogApi],
        [permissionApiRef, permission],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.route ? [options.route] : undefined,
    },
  );
}

/** A promise that never settles: the view stays in its loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** The error the real client throws for a backend error response. */
export async function responseError(
  status: number,
  message: string,
): Promise<ResponseError> {
  const response = new Response(
    JSON.stringify({
      error: {
        name: status === 404 ? 'NotFoundError' : 'NotAllowedError',
        message,
      },
      response: { statusCode: status },
    }),
    {
      status,
      statusText: status === 404 ? 'Not Found' : 'Forbidden',
      headers: { 'content-type': 'application/json' },
    },
  );
  return ResponseError.fromResponse(response as any);
}
