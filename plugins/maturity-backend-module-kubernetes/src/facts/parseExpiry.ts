import type { CustomObjectMeta } from '../client/customObjects';

/**
 * Kyverno's cleanup TTL (`cleanup.kyverno.io/ttl`, a label or annotation) is how an
 * exception gets an end: an absolute date or time, or a duration from the object's
 * creation (`720h`, `30d`, `1h30m`). Returns ISO 8601, or null when it never expires.
 */
export function parseExpiry(metadata: CustomObjectMeta): string | null {
  const ttl =
    metadata.labels?.['cleanup.kyverno.io/ttl'] ??
    metadata.annotations?.['cleanup.kyverno.io/ttl'];
  if (!ttl) return null;
  const duration = durationMs(ttl);
  if (duration !== undefined) {
    const created = Date.parse(metadata.creationTimestamp ?? '');
    return Number.isNaN(created)
      ? null
      : new Date(created + duration).toISOString();
  }
  const absolute = Date.parse(ttl);
  return Number.isNaN(absolute) ? null : new Date(absolute).toISOString();
}

const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
};

function durationMs(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?[dhms])+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}
