/** An opaque node id, stable for the same parts. */
export const id = (...parts: (string | number)[]) =>
  Buffer.from(parts.join(':')).toString('base64');
