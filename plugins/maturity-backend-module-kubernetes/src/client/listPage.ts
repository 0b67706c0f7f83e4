import {
  jsonElements,
  jsonKindAt,
  jsonMembers,
  parseSpan,
  type JsonSpan,
} from '@maturity/plugin-maturity-node';
import { ClusterRequestError } from './ClusterRequestError';

/** Where a list page's objects lie in its bytes, and the token of the next page. */
export interface PageParts {
  objects: JsonSpan[];
  continueToken?: string;
}

/**
 * The parts of a list answer (`{"metadata": {"continue": …}, "items": […]}`), without
 * parsing its objects. A body that is not such an object fails the list with
 * "malformed response", as a failed parse in the client did.
 */
export function readPage(what: string, page: Uint8Array): PageParts {
  try {
    const members = jsonMembers(page);
    const items = members.find(m => m.key === 'items');
    const metadata = members.find(m => m.key === 'metadata');
    const token = metadata
      ? (parseSpan(page, metadata) as { continue?: unknown } | null)?.continue
      : undefined;
    return {
      objects:
        items && jsonKindAt(page, items) !== 'null'
          ? jsonElements(page, items.start)
          : [],
      continueToken: typeof token === 'string' && token ? token : undefined,
    };
  } catch (error) {
    throw malformed(what, error);
  }
}

/** One object of a page, parsed. */
export function parsePart(what: string, page: Uint8Array, span: JsonSpan) {
  try {
    return parseSpan(page, span);
  } catch (error) {
    throw malformed(what, error);
  }
}

function malformed(what: string, error: unknown): ClusterRequestError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ClusterRequestError(`${what}: malformed response (${reason})`);
}
