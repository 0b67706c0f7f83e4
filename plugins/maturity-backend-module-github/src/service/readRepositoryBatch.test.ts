import { repositoryFacts } from '../facts/repositoryFacts';
import type { RepositoryNode } from '../query/types';
import { readRepositoryBatch } from './fetchRepositoryBatch';

const now = new Date('2026-12-01T00:00:00Z');
const bytes = (answer: unknown) =>
  new TextEncoder().encode(
    typeof answer === 'string' ? answer : JSON.stringify(answer, null, 1),
  );

function repository(name: string): RepositoryNode {
  return {
    nameWithOwner: `acme/${name}`,
    isArchived: false,
    pushedAt: '2026-11-30T10:00:00Z',
    owner: { __typename: 'User', login: 'acme' },
    defaultBranchRef: {
      name: 'main',
      target: {
        __typename: 'Commit',
        oid: 'abc',
        history: {
          nodes: [
            {
              committedDate: '2026-11-29T10:00:00Z',
              checkSuites: {
                nodes: [
                  {
                    status: 'COMPLETED',
                    conclusion: 'SUCCESS',
                    createdAt: '2026-11-29T10:01:00Z',
                    updatedAt: '2026-11-29T10:05:00Z',
                    workflowRun: { file: { path: '.github/workflows/ci.yml' } },
                  },
                ],
              },
            },
          ],
        },
      },
      branchProtectionRule: {
        requiresStatusChecks: true,
        requiredStatusCheckContexts: ['build "ü"'],
      },
    },
    tree: { entries: [{ name: 'README.md', type: 'blob' }] },
  };
}

describe('readRepositoryBatch', () => {
  const slugs = ['acme/one', 'acme/gone', 'acme/partial', 'acme/missing'];

  it('reads each repository of a batch answer on its own', () => {
    const answer = {
      data: {
        r0: repository('one'),
        r1: null,
        r2: repository('partial'),
      },
      errors: [
        { type: 'NOT_FOUND', path: ['r1'], message: 'Could not resolve' },
        {
          type: 'FORBIDDEN',
          path: ['r2', 'vulnerabilityAlerts'],
          message: 'Resource not accessible by integration',
        },
      ],
    };
    const items = readRepositoryBatch(slugs, bytes(answer), now);

    expect(items.get('acme/one')).toEqual({
      kind: 'ok',
      values: repositoryFacts(repository('one'), now),
      ownerType: 'User',
      pushedAt: '2026-11-30T10:00:00Z',
      problems: {},
      complaints: [],
    });
    expect(items.get('acme/gone')).toMatchObject({
      kind: 'denied',
      problem:
        'GitHub answered 404 for acme/gone: repository not found or no access',
    });
    const partial = items.get('acme/partial');
    expect(partial?.kind).toBe('ok');
    expect(partial).toMatchObject({
      problems: expect.objectContaining({
        'github.vulnerabilityAlerts': expect.stringContaining(
          'GitHub refused vulnerabilityAlerts of acme/partial',
        ),
      }),
    });
    // Not in the answer at all: as GitHub leaves out nothing it was asked for, a 404.
    expect(items.get('acme/missing')?.kind).toBe('denied');
  });

  it('tells a repository it cannot read from the rest of the batch', () => {
    const broken = { ...repository('partial'), owner: null };
    const items = readRepositoryBatch(
      slugs.slice(0, 3),
      bytes({ data: { r0: repository('one'), r1: null, r2: broken } }),
      now,
    );
    expect(items.get('acme/one')?.kind).toBe('ok');
    const item = items.get('acme/partial');
    expect(item?.kind).toBe('error');
    expect(
      item?.kind === 'error' && item.complaint.render('acme/partial'),
    ).toMatch(/^GitHub's answer for acme\/partial could not be read: /);
  });

  it.each([
    ['cut off', '{"data": {"r0": {"nameWithOwner": "acme/one"'],
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['a malformed repository', '{"data": {"r0": {"nameWithOwner": acme}}}'],
  ])('refuses an answer that is %s', (_, answer) => {
    expect(() => readRepositoryBatch(slugs, bytes(answer), now)).toThrow(
      "GitHub's answer to POST /graphql is not valid JSON",
    );
  });

  it('says what GitHub said when the answer has errors and no data', () => {
    expect(() =>
      readRepositoryBatch(
        slugs,
        bytes({ data: null, errors: [{ message: 'Something went wrong' }] }),
        now,
      ),
    ).toThrow(
      'GitHub answered the GraphQL query with errors only: Something went wrong',
    );
  });
});
