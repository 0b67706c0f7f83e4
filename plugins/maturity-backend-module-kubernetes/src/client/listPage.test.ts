import { parseSpan } from '@maturity/plugin-maturity-node';
import { parsePart, readPage } from './listPage';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readPage', () => {
  it('finds the objects of a page and the next page token', () => {
    const page = bytes(
      JSON.stringify({
        kind: 'DeploymentList',
        apiVersion: 'apps/v1',
        metadata: { resourceVersion: '7', continue: 'eyJ2Ijo' },
        items: [
          { metadata: { name: 'a', labels: { app: 'a' } } },
          { metadata: { name: 'b]"}' } },
        ],
      }),
    );
    const { objects, continueToken } = readPage('list Deployments', page);
    expect(objects.map(span => parseSpan(page, span))).toEqual([
      { metadata: { name: 'a', labels: { app: 'a' } } },
      { metadata: { name: 'b]"}' } },
    ]);
    expect(continueToken).toBe('eyJ2Ijo');
  });

  it('reads the last page (no or an empty token) and an empty list', () => {
    expect(
      readPage(
        'list Services',
        bytes('{"metadata":{"continue":""},"items":[]}'),
      ),
    ).toEqual({ objects: [], continueToken: undefined });
    expect(
      readPage('list Services', bytes('{"metadata":{},"items":null}')),
    ).toEqual({ objects: [], continueToken: undefined });
  });

  it.each([
    ['cut off', '{"metadata":{},"items":[{"metadata":'],
    ['not an object', '<html>bad gateway</html>'],
    ['items that are not a list', '{"items":{"a":1}}'],
  ])('fails a page that is %s as a malformed response', (_, text) => {
    expect(() => readPage('list Ingresses', bytes(text))).toThrow(
      /^list Ingresses: malformed response \(/,
    );
  });

  it('fails an object that does not parse as a malformed response', () => {
    const page = bytes('{"items":[{"metadata":{"name": nope}}]}');
    const { objects } = readPage('list Ingresses', page);
    expect(() => parsePart('list Ingresses', page, objects[0])).toThrow(
      /^list Ingresses: malformed response \(/,
    );
  });
});
