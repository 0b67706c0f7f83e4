import { DIMENSIONS, type CheckResult } from '@maturity/plugin-maturity-common';
import type { StoredPlacement } from '../database/MaturityStore';

const HEADER = [
  'entity_ref',
  'title',
  'owner',
  'lifecycle',
  'system',
  'tier',
  'level',
  'provisional',
  'assessed',
  ...DIMENSIONS.map(d => `level_${d.replace('-', '_')}`),
  'failing_checks',
];

/** One row per service: ref, owner, level, dimension levels, failing checks. */
export function toCsv(
  placements: StoredPlacement[],
  results: Map<string, CheckResult[]>,
): string {
  const rows = placements
    .slice()
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef))
    .map(p => [
      p.entityRef,
      p.title,
      p.ownerRef,
      p.lifecycle,
      p.systemRef,
      p.tier,
      p.level,
      p.provisional,
      p.assessed,
      ...DIMENSIONS.map(d => p.details.dimensions[d] ?? ''),
      (results.get(p.entityRef) ?? [])
        .filter(r => r.state === 'fail')
        .map(r => r.checkId)
        .join(';'),
    ]);
  const lines = [HEADER, ...rows].map(row => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// Quote what needs quoting, and defuse cells a spreadsheet would run as a formula.
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
