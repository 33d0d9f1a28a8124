/**
 * The SVG chart, written by hand (no plotting dependency): median time against response
 * size on log–log axes, one panel for end-to-end runs against the simulator and one for
 * replayed responses (the client's own cost). Colours are the approaches, marker shapes
 * the workload kinds; lines join workloads of one kind; whiskers span p10–p90.
 */
import type { Results, WorkloadResult } from './results';
import { APPROACH_NAMES, APPROACHES, type Approach, type Mode } from '../shared/workloads';

const COLOURS: Record<Approach, string> = { A: '#d95f02', B: '#7570b3', C: '#1b9e77' };
const W = 480;
const H = 360;
const M = { left: 62, right: 16, top: 34, bottom: 48 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function marker(kind: string, x: number, y: number, colour: string): string {
  const r = 4.5;
  switch (kind) {
    case 'topics':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
    case 'groups':
      return `<path d="M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z" fill="${colour}"/>`;
    case 'overview':
      return `<path d="M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z" fill="${colour}"/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
  }
}

/** Powers of ten covering [lo, hi], with 1-2-5 ticks when the span is short. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

const label = (v: number): string => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(2))));

function panel(workloads: WorkloadResult[], mode: Mode, title: string, ox: number): string {
  const xs = workloads.map(w => w.traffic.A.bodyBytes / 1e6);
  const ys = workloads.flatMap(w => APPROACHES.flatMap(a => [w.timesMs[mode][a].p10, w.timesMs[mode][a].p90]));
  const [x0, x1] = [Math.min(...xs) / 1.5, Math.max(...xs) * 1.5];
  const [y0, y1] = [Math.max(Math.min(...ys) / 1.5, 0.005), Math.max(...ys) * 1.5];
  const px = (v: number): number => ox + M.left + ((Math.log10(v) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))) * (W - M.left - M.right);
  const py = (v: number): number => M.top + (1 - (Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * (H - M.top - M.bottom);
  const parts: string[] = [`<text x="${ox + W / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(title)}</text>`];
  for (const t of ticks(x0, x1)) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${px(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  for (const t of ticks(y0, y1)) {
    parts.push(`<line x1="${ox + M.left}" x2="${ox + W - M.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/>`);
    parts.push(`<text x="${ox + M.left - 6}" y="${py(t) + 4}" text-anchor="end">${label(t)}</text>`);
  }
  parts.push(`<rect x="${ox + M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${ox + W / 2}" y="${H - 10}" text-anchor="middle">response bodies (MB, log)</text>`);
  parts.push(`<text transform="translate(${ox + 16},${H / 2}) rotate(-90)" text-anchor="middle">median ms (log), p10–p90</text>`);
  for (const approach of APPROACHES) {
    const colour = COLOURS[approach];
    for (const kind of new Set(workloads.map(w => w.kind))) {
      const series = workloads.filter(w => w.kind === kind).sort((a, b) => a.traffic.A.bodyBytes - b.traffic.A.bodyBytes);
      if (series.length > 1) {
        const d = series.map((w, i) => `${i ? 'L' : 'M'}${px(w.traffic.A.bodyBytes / 1e6).toFixed(1)},${py(w.timesMs[mode][approach].median).toFixed(1)}`).join(' ');
        parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.5" opacity="0.7"/>`);
      }
    }
    for (const w of workloads) {
      const s = w.timesMs[mode][approach];
      const x = px(w.traffic.A.bodyBytes / 1e6);
      parts.push(`<line x1="${x}" x2="${x}" y1="${py(s.p10)}" y2="${py(s.p90)}" stroke="${colour}"/>`);
      parts.push(marker(w.kind, x, py(s.median), colour));
    }
  }
  return parts.join('\n');
}

export function chartSvg(results: Results): string {
  const legendY = H + 8;
  const legend: string[] = APPROACHES.map(
    (a, i) => `<rect x="${70 + i * 250}" y="${legendY}" width="14" height="14" fill="${COLOURS[a]}"/><text x="${90 + i * 250}" y="${legendY + 12}">${a}: ${esc(APPROACH_NAMES[a])}</text>`,
  );
  const kinds: [string, string][] = [['clusters', 'clusters'], ['topics', 'topics'], ['groups', 'consumer groups'], ['overview', 'entity overview']];
  kinds.forEach(([kind, name], i) => {
    legend.push(marker(kind, 77 + i * 190, legendY + 31, '#555'), `<text x="${90 + i * 190}" y="${legendY + 35}">${name}</text>`);
  });
  const m = results.machine;
  const caption = `${m.cpuModel}, ${m.cores} cores, ${m.chromium}, ${results.startedAt.slice(0, 10)}${results.busyMachine ? ' (busy machine)' : ''}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 70}" viewBox="0 0 ${2 * W} ${H + 70}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
${panel(results.workloads, 'network', 'Call to usable data, against the simulator', 0)}
${panel(results.workloads, 'replay', 'Client cost only (responses replayed from memory)', W)}
${legend.join('\n')}
<text x="${W}" y="${H + 64}" text-anchor="middle" fill="#666">${esc(caption)}</text>
</svg>
`;
}
