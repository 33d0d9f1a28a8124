/**
 * Runs planned requests at most six at a time (browsers allow six connections per host;
 * the core uses the same bound) and keeps each answer or failure by request key.
 */
import { type Fetch, fetchKey } from './plan';

export const MAX_CONCURRENT = 6;

export type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function executeAll<T>(
  fetches: readonly Fetch[],
  run: (fetch: Fetch) => Promise<T>,
  answers: Map<string, Answer<T>>,
): Promise<void> {
  const pending = fetches.filter(f => !answers.has(fetchKey(f)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const fetch = pending[next++]!;
      try {
        answers.set(fetchKey(fetch), { ok: true, value: await run(fetch) });
      } catch (error) {
        answers.set(fetchKey(fetch), { ok: false, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_CONCURRENT, pending.length) }, worker));
}
