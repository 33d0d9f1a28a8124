/**
 * Where the time goes inside one replayed run: a V8 CPU profile (Chrome DevTools Protocol,
 * sampling every 50 µs) summarised by self time into categories — wasm code, the core's
 * JS glue (wasm-bindgen's imports: string and object creation for JS), valibot, the rest
 * of the page's JS, the garbage collector, and everything else (native code such as
 * JSON.parse, TextDecoder, Response body reading).
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byCategoryMs: Record<string, number>;
  /** The ten functions with the most self time. */
  topFunctions: { name: string; category: string; selfMs: number }[];
}

function categorise(frame: ProfileNode['callFrame']): string {
  const { functionName: name, url } = frame;
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return 'idle/program';
  if (url.includes('.wasm') || name.startsWith('$') || /^wasm-function/.test(name)) return 'wasm';
  if (url.includes('conduktor_card_core.js') || url.includes('/core/snippets/')) return 'core glue (JS)';
  if (/valibot/.test(url) || /^(?:~run|~validate)/.test(name)) return 'valibot';
  if (url.includes('/main.js')) return 'page JS (B/C clients, harness)';
  return url === '' ? 'native (JSON.parse, TextDecoder, fetch, …)' : 'other JS';
}

export async function profile(cdp: CDPSession, task: () => Promise<unknown>): Promise<ProfileSummary> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await task();
  const { profile: raw } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');

  const byId = new Map(raw.nodes.map(n => [n.id, n]));
  const selfUs = new Map<number, number>();
  raw.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (raw.timeDeltas[i] ?? 0)));

  const byCategory: Record<string, number> = {};
  const byFunction = new Map<string, { category: string; us: number }>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const category = categorise(frame);
    if (category === 'idle/program' && frame.functionName === '(idle)') continue;
    totalUs += us;
    byCategory[category] = (byCategory[category] ?? 0) + us;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}`.trim();
    const entry = byFunction.get(name) ?? { category, us: 0 };
    entry.us += us;
    byFunction.set(name, entry);
  }
  const ms = (us: number): number => Math.round(us / 10) / 100;
  return {
    totalMs: ms(totalUs),
    byCategoryMs: Object.fromEntries(Object.entries(byCategory).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)])),
    topFunctions: [...byFunction.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 10)
      .map(([name, { category, us }]) => ({ name, category, selfMs: ms(us) })),
  };
}
