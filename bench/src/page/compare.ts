/**
 * Checks that C hands the UI exactly what A does (so C's speed is not bought by doing
 * less), and counts what each approach returned.
 */

/** Objects with their keys sorted: member order carries no meaning (C may add a field late). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** JSON text including the `truncated`/`totalElements`/`problems` the core puts on list arrays. */
function canonical(value: unknown): string {
  if (Array.isArray(value) && 'truncated' in value) {
    const list = value as unknown[] & { truncated: unknown; totalElements: unknown; problems: unknown };
    const facts = { truncated: list.truncated, totalElements: list.totalElements, problems: list.problems };
    return JSON.stringify({ items: [...list], ...facts }, sortedKeys);
  }
  return JSON.stringify(value, sortedKeys);
}

export interface Equivalence {
  identical: boolean;
  /** Where the two JSON texts first differ, with context, when they do. */
  firstDifference: string | null;
}

export function compareOutputs(a: unknown, c: unknown): Equivalence {
  const left = canonical(a);
  const right = canonical(c);
  if (left === right) return { identical: true, firstDifference: null };
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  const from = Math.max(0, i - 120);
  return { identical: false, firstDifference: `at ${i}: A …${left.slice(from, i + 80)}… C …${right.slice(from, i + 80)}…` };
}

/** Items in an answer: list length, or the overview's clusters + topics + groups. */
export function countItems(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  const v = value as { clusters?: unknown; topics?: unknown[]; consumerGroups?: unknown[] };
  const clusters = Array.isArray(v.clusters) ? v.clusters.length : 0;
  return clusters + (v.topics?.length ?? 0) + (v.consumerGroups?.length ?? 0);
}
