/** Where a paged list stopped, and at which resource version it started. */
export interface ListPosition {
  resourceVersion: number;
  offset: number;
}

/** Opaque to clients, like the API server's own tokens. */
export function encodeContinueToken(position: ListPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position in a token, or undefined when the token is not one of ours. */
export function decodeContinueToken(token: string): ListPosition | undefined {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    );
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'resourceVersion' in parsed &&
      'offset' in parsed &&
      typeof parsed.resourceVersion === 'number' &&
      typeof parsed.offset === 'number'
    ) {
      return { resourceVersion: parsed.resourceVersion, offset: parsed.offset };
    }
  } catch {
    // fall through: an unreadable token is a bad request
  }
  return undefined;
}
