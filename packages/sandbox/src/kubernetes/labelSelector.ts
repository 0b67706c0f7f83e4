/** One requirement of a label selector string (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`). */
export type LabelRequirement =
  | { key: string; operator: 'in' | 'notin'; values: string[] }
  | { key: string; operator: 'exists' | 'doesnotexist' };

/**
 * Parses the label selector syntax the API server accepts in `?labelSelector=`. Throws on
 * syntax it does not understand, so a typo is a 400 and not a silent match-all.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const part of splitOutsideParens(selector)) {
    const text = part.trim();
    if (!text) continue;
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      requirements.push({
        key: set[1],
        operator: set[2] as 'in' | 'notin',
        values,
      });
      continue;
    }
    const equality = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(text);
    if (equality) {
      requirements.push({
        key: equality[1],
        operator: equality[2] === '!=' ? 'notin' : 'in',
        values: [equality[3]],
      });
      continue;
    }
    const exists = /^(!?)([^\s!=()]+)$/.exec(text);
    if (exists) {
      requirements.push({
        key: exists[2],
        operator: exists[1] ? 'doesnotexist' : 'exists',
      });
      continue;
    }
    throw new Error(`Unsupported label selector requirement "${text}"`);
  }
  return requirements;
}

/** True when every requirement holds for `labels`. */
export function matchesLabels(
  requirements: readonly LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const actual = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(actual, r.key);
    switch (r.operator) {
      case 'exists':
        return has;
      case 'doesnotexist':
        return !has;
      case 'in':
        return has && r.values.includes(actual[r.key]);
      case 'notin':
        return !has || !r.values.includes(actual[r.key]);
      default:
        return false;
    }
  });
}

function splitOutsideParens(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
