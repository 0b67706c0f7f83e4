import type { JsonObject } from '@backstage/types';
import { FactUnavailableError, type FactReader } from '../facts';
import { KUBERNETES_FACTS, type K8sWorkloadFact } from '../kubernetesFacts';
import { observedBefore } from '../observedBefore';

export const DAY_MS = 86_400_000;

/** Whole days from `iso` to `now`. */
export function ageDays(now: Date, iso: string): number {
  return (now.getTime() - Date.parse(iso)) / DAY_MS;
}

/** Whether `iso` is at most `days` before `now` (an unreadable time is not). */
export function withinDays(now: Date, iso: string, days: number): boolean {
  return !beforeWindow(now, days)(iso);
}

// Whether a time is before a window, per window length, for the evaluation's `now`:
// every check of every entity of an evaluation shares one `now`, and a check asks about
// each of an entity's CI runs and deployments (about a million times at 10,000 services).
let windowsNow = Number.NaN;
const windows = new Map<number, (iso: string) => boolean>();

function beforeWindow(now: Date, days: number): (iso: string) => boolean {
  const nowMs = now.getTime();
  if (nowMs !== windowsNow || windows.size > 64) {
    windows.clear();
    windowsNow = nowMs;
  }
  let before = windows.get(days);
  if (!before) {
    before = observedBefore(nowMs - days * DAY_MS);
    windows.set(days, before);
  }
  return before;
}

export function numberParam(
  params: JsonObject,
  key: string,
  fallback: number,
): number {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringListParam(params: JsonObject, key: string): string[] {
  const value = params[key];
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The workloads matched to the entity. With none, every Kubernetes check but
 * workload-linked is `unknown` ("not linked"): there is nothing to observe, which says
 * nothing about how the service would run.
 */
export function linkedWorkloads(facts: FactReader): K8sWorkloadFact[] {
  const workloads = facts.get<K8sWorkloadFact[]>(KUBERNETES_FACTS.workloads);
  if (workloads.length === 0) {
    throw new FactUnavailableError(
      'not linked: no Kubernetes workload is matched to this entity',
    );
  }
  return workloads;
}

export function workloadName(w: K8sWorkloadFact): string {
  return `${w.kind} ${w.namespace}/${w.name} on ${w.cluster}`;
}

/** "a, b and 3 more" for reasons that must stay one line. */
export function listBriefly(items: string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** The value at `p` (0..1) of a sorted copy of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(p * sorted.length) - 1),
  );
  return sorted[index];
}
