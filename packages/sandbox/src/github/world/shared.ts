import type { Random } from '../../random/createRandom';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** GitHub Actions' app id, which the collector filters check suites by. */
export const GITHUB_ACTIONS_APP_ID = 15368;

export type Intent = 'pass' | 'fail';
/** Check id → intent, with every GitHub check filled in. */
export type Intents = Record<string, Intent>;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function hexId(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += random.int(0, 15).toString(16);
  return out;
}

/** FNV-1a, so a slug always maps to the same generator. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
