import { parseEntityRefParams } from './entityRefParams';

const at = (kind: string, namespace: string, name: string) => () =>
  parseEntityRefParams({ kind, namespace, name });

describe('parseEntityRefParams', () => {
  it('accepts what the catalog accepts, lower-cased', () => {
    expect(at('Component', 'default', 'Payments_API.v2')()).toBe(
      'component:default/payments_api.v2',
    );
    expect(at('a'.repeat(63), 'n'.repeat(63), 'x'.repeat(63))()).toBe(
      `${'a'.repeat(63)}:${'n'.repeat(63)}/${'x'.repeat(63)}`,
    );
  });

  it.each([
    ['kind', 'a'.repeat(64), 'default', 'svc'],
    ['kind', '1component', 'default', 'svc'],
    ['namespace', 'component', '', 'svc'],
    ['namespace', 'component', 'de..fault', 'svc'],
    ['name', 'component', 'default', 'x'.repeat(64)],
    ['name', 'component', 'default', '-svc'],
    ['name', 'component', 'default', 'svc-'],
    ['name', 'component', 'default', 'bad name'],
    ['name', 'component', 'default', 'svc\n'],
  ])('names the broken %s', (field, kind, namespace, name) => {
    expect(at(kind, namespace, name)).toThrow(
      new RegExp(`^Invalid entity ref: ${field} `),
    );
  });
});
