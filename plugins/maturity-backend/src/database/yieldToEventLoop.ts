import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop turn. With SQLite every query is synchronous, so a loop of awaited
 * queries never leaves the microtask queue: without this, evaluating or storing a large
 * catalog held up every HTTP request (even ones answered from a cache) until it finished.
 */
export async function yieldToEventLoop(): Promise<void> {
  await setImmediate();
}
