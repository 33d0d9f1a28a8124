/** Order statistics over repeated runs: the median and its spread, never the mean alone. */
export interface Stats {
  n: number;
  median: number;
  p10: number;
  p90: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Linear interpolation between closest ranks (the common "type 7" quantile). */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    median: quantile(s, 0.5),
    p10: quantile(s, 0.1),
    p90: quantile(s, 0.9),
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    min: s[0]!,
    max: s[s.length - 1]!,
  };
}
