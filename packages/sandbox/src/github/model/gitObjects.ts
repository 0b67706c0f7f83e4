import type { SandboxRepository } from '../types';
import { commitNode } from './commits';
import { id } from './ids';

/**
 * Resolves `<rev>:<path>` expressions. Only the default branch's head is kept in the
 * sandbox, so `HEAD`, the branch name and the head oid all name it.
 */
export function gitObject(repo: SandboxRepository, expression: string) {
  const [rev, path] = expression.includes(':')
    ? [
        expression.slice(0, expression.indexOf(':')),
        expression.slice(expression.indexOf(':') + 1),
      ]
    : [expression, undefined];
  const head = repo.commits[0];
  if (![`HEAD`, repo.defaultBranch, head.oid].includes(rev)) {
    const commit = repo.commits.find(c => c.oid === rev);
    return commit && path === undefined ? commitNode(repo, commit) : null;
  }
  if (path === undefined) return commitNode(repo, head);
  return pathObject(repo, path.replace(/^\/|\/$/g, ''));
}

function pathObject(
  repo: SandboxRepository,
  path: string,
): Record<string, unknown> | null {
  const slug = `${repo.owner}/${repo.name}`;
  if (path in repo.files) {
    const text = repo.files[path];
    return {
      __typename: 'Blob',
      id: id('Blob', slug, path),
      oid: gitOid(`${slug}:${path}:${text}`),
      abbreviatedOid: gitOid(text).slice(0, 7),
      byteSize: Buffer.byteLength(text),
      isBinary: false,
      isTruncated: false,
      text,
    };
  }
  const prefix = path ? `${path}/` : '';
  const children = new Map<string, 'blob' | 'tree'>();
  for (const file of Object.keys(repo.files)) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...rest] = file.slice(prefix.length).split('/');
    children.set(name, rest.length ? 'tree' : 'blob');
  }
  if (children.size === 0) return null;
  return {
    __typename: 'Tree',
    id: id('Tree', slug, path),
    oid: gitOid(`${slug}:${path}/`),
    abbreviatedOid: gitOid(`${slug}:${path}/`).slice(0, 7),
    entries: [...children]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, type]) => {
        const childPath = prefix + name;
        return {
          name,
          path: childPath,
          type,
          mode: type === 'tree' ? 16384 : 33188,
          size: type === 'blob' ? Buffer.byteLength(repo.files[childPath]) : 0,
          oid: gitOid(`${slug}:${childPath}`),
          object: () => pathObject(repo, childPath),
        };
      }),
  };
}

/** A stable 40-hex id for sandbox git objects (not a real git hash). */
function gitOid(text: string): string {
  let a = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (let i = 0; i < text.length; i++) {
      a ^= text.charCodeAt(i) + round;
      a = Math.imul(a, 0x01000193);
    }
    out += (a >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}
