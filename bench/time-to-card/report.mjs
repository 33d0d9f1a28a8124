// bench/results/time-to-card.json → time-to-card.md (tables) and time-to-card.svg
// (time to the complete card against Console latency, the plugin's card and the
// seed's approach per entity, with the goal rounds × latency + 150 ms).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IN = process.env.TTC_OUT ?? `${ROOT}/bench/results/time-to-card.json`;
const MD = IN.replace(/\.json$/, '.md');
const SVG = IN.replace(/\.json$/, '.svg');
const data = JSON.parse(readFileSync(IN, 'utf8'));

const ms = v => (v === null || v === undefined ? '–' : `${Math.round(v)}`);
const row = (latencyMs, entity, approach) => data.results.find(r => r.latencyMs === latencyMs && r.entity === entity && r.approach === approach);
const entities = [...new Set(data.results.map(r => r.entity))];
const goalOf = (r, rounds = r.first.rounds) => rounds * r.latencyMs + 150;
/** Every measured row, latency by latency, entity by entity, the core before the seed. */
const eachRow = visit => {
  for (const latencyMs of data.latencies) {
    for (const entity of entities) {
      for (const approach of ['core', 'seed']) {
        const r = row(latencyMs, entity, approach);
        if (r) visit(r, r.first);
      }
    }
  }
};

// ---- Markdown ---------------------------------------------------------------------------
const lines = [];
lines.push('# Time to card');
lines.push('');
lines.push(
  `Measured ${data.measuredAt.slice(0, 16).replace('T', ' ')} UTC by \`scripts/time-to-card.sh\` (the views took ${Math.round(data.durationS / 60)} min) ` +
    `at ${data.commit ?? 'an unrecorded commit'} (${data.machine.cpus} cores, ${data.machine.cpu}; load average at the end ${data.machine.loadavgAtEnd.join(' / ')}), ` +
    `${data.reps} views per entity, approach and latency, signed in as ${data.account} (payments-developers). Medians; complete also as min–max.`,
);
lines.push('');
lines.push(
  'Each view: a page load of the catalog (so no wasm instance and no cached answer), then an in-app navigation to the entity ' +
    '(history.pushState, as a click in the catalog does); times from that navigation to the card\'s skeleton, its first data and ' +
    'the complete card, taken when the DOM changed (a MutationObserver). Requests and sequential rounds come from the simulator\'s ' +
    'request log (`receivedAt`/`answeredAt`; rounds as defined in `e2e/tests/rounds.mjs`). Core: the plugin\'s card (wasm core, one ' +
    'promise, so its first data is the complete card). Seed: a card doing `fetch` + `response.json()` for the same requests, drawing as ' +
    'each answer arrives (`e2e/app/packages/app/src/modules/timeToCard`, built into the harness app, enabled only by this measurement).',
);
lines.push('');
lines.push(
  'Goal: complete ≤ rounds × latency + 150 ms at 50 and 150 ms, and no slower than the seed. "met" compares it with the time from the ' +
    'navigation (which includes Backstage\'s own entity page: its chunks, the entity from the catalog, the layout, until the card\'s ' +
    'skeleton) and with the card\'s own share, from its skeleton to complete. Rounds at 0 ms are not counted: answers are ready ' +
    'within a millisecond, so requests sent together are already answered when the last of them reaches Console.',
);
lines.push('');
lines.push('| latency | entity | approach | skeleton | first data | complete (min–max) | skeleton → complete | requests | rounds | goal | met (navigation / skeleton) | core ÷ seed |');
lines.push('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|');
eachRow(({ latencyMs, entity, approach }, f) => {
  const seed = row(latencyMs, entity, 'seed');
  const goal = goalOf({ latencyMs, first: f });
  const verdict = value => (value <= goal ? 'yes' : `no (+${Math.round(value - goal)})`);
  const met = latencyMs === 0 ? '' : `${verdict(f.complete)} / ${verdict(f.mountToComplete)}`;
  const ratio = approach === 'core' && seed ? (f.complete / seed.first.complete).toFixed(2) : '';
  const rounds = latencyMs === 0 ? '–' : f.roundsSeen.join('/');
  lines.push(
    `| ${latencyMs} ms | ${entity} | ${approach} | ${ms(f.skeleton)} | ${ms(f.firstData)} | ${ms(f.complete)} (${ms(f.completeMin)}–${ms(f.completeMax)}) | ` +
      `${ms(f.mountToComplete)} | ${f.requests} | ${rounds} | ${latencyMs === 0 ? '' : goal} | ${met} | ${ratio} |`,
  );
});
lines.push('');
lines.push(
  'Where the time goes (medians, ms after the navigation unless said; "1st request" is when the first request reached Console, ' +
    'through the Backstage proxy). A second view of the same entity (away to the catalog and back, within the core\'s 10 s cache) ' +
    'must send nothing to Console:',
);
lines.push('');
lines.push('| latency | entity | approach | skeleton | .wasm fetched (start–end, bytes) | core instantiated | skeleton → 1st request | 1st request | last answer | complete − last answer | second view: complete, requests |');
lines.push('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
eachRow((r, f) => {
  const core = r.approach === 'core';
  const wasm = core ? `${ms(f.wasmStart)}–${ms(f.wasmEnd)} (${f.wasmTransferSize ?? '–'})` : '';
  lines.push(
    `| ${r.latencyMs} ms | ${r.entity} | ${r.approach} | ${ms(f.skeleton)} | ${wasm} | ${core ? ms(f.coreReady) : ''} | ${ms(f.mountToFirstRequest)} | ` +
      `${ms(f.firstRequestAtConsole)} | ${ms(f.lastAnswerFromConsole)} | ${ms(f.afterLastAnswer)} | ${ms(r.second.complete)} ms, ${r.second.requests} |`,
  );
});
const BEFORE = process.env.TTC_BEFORE ?? IN.replace(/\.json$/, '-before.json');
let before;
try {
  before = JSON.parse(readFileSync(BEFORE, 'utf8'));
} catch {
  before = undefined;
}
if (before) {
  const prior = (latencyMs, entity) => before.results.find(r => r.latencyMs === latencyMs && r.entity === entity && r.approach === 'core');
  lines.push('');
  lines.push(
    `Before and after the shim's change (the plugin card; before: \`${BEFORE.split('/').pop()}\`, measured ` +
      `${before.measuredAt.slice(0, 16).replace('T', ' ')} UTC at ${before.commit}, with the same first views; load average at its end ` +
      `${before.machine.loadavgAtEnd.join(' / ')}):`,
  );
  lines.push('');
  lines.push('| latency | entity | skeleton → 1st request, before → after | skeleton → complete, before → after | complete, before → after | seed\'s complete (this run) |');
  lines.push('|---:|---|---:|---:|---:|---:|');
  for (const latencyMs of data.latencies) {
    for (const entity of entities) {
      const b = prior(latencyMs, entity)?.first;
      const a = row(latencyMs, entity, 'core')?.first;
      const seed = row(latencyMs, entity, 'seed')?.first;
      if (!a || !b) continue;
      lines.push(
        `| ${latencyMs} ms | ${entity} | ${ms(b.mountToFirstRequest)} → ${ms(a.mountToFirstRequest)} | ${ms(b.mountToComplete)} → ${ms(a.mountToComplete)} | ` +
          `${ms(b.complete)} → ${ms(a.complete)} | ${ms(seed?.complete)} |`,
      );
    }
  }
}
const failed = data.results.filter(r => r.first.failed || r.second.failed);
if (failed.length) {
  lines.push('');
  lines.push(`Views with a failed request: ${failed.map(r => `${r.latencyMs} ms ${r.entity} ${r.approach}`).join(', ')}.`);
}
lines.push('');
lines.push('![Time to the complete card against Console latency](time-to-card.svg)');
lines.push('');
writeFileSync(MD, lines.join('\n'));

// ---- SVG chart: two panels, from the navigation and from the card's skeleton ---------
const PANEL_W = 330;
const H = 400;
const pad = { left: 56, right: 14, top: 56, bottom: 52 };
const LEGEND_W = 250;
const W = 2 * PANEL_W + LEGEND_W;
const xs = data.latencies;
const maxX = Math.max(...xs);
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
const svg = [];
svg.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
svg.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
svg.push(`<text x="12" y="20" font-size="14" font-weight="bold">Time to the complete card (median of ${data.reps}) against Console latency</text>`);
const panels = [
  { title: 'from the navigation', value: f => f.complete },
  { title: "from the card's skeleton", value: f => f.mountToComplete },
];
panels.forEach((panel, p) => {
  const left = p * PANEL_W;
  const values = data.results.map(r => panel.value(r.first)).concat(data.results.map(r => goalOf(r)));
  const maxY = Math.ceil(Math.max(...values) / 200) * 200;
  const x = v => left + pad.left + (v / maxX) * (PANEL_W - pad.left - pad.right);
  const y = v => H - pad.bottom - (v / maxY) * (H - pad.top - pad.bottom);
  svg.push(`<text x="${left + pad.left}" y="42" font-size="12" font-weight="bold">${panel.title}</text>`);
  for (let v = 0; v <= maxY; v += maxY / 4) {
    svg.push(`<line x1="${left + pad.left}" x2="${left + PANEL_W - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    svg.push(`<text x="${left + pad.left - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v)}</text>`);
  }
  for (const v of xs) {
    svg.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${H - pad.bottom}" y2="${H - pad.bottom + 5}" stroke="#333"/>`);
    svg.push(`<text x="${x(v)}" y="${H - pad.bottom + 18}" text-anchor="middle">${v}</text>`);
  }
  svg.push(`<line x1="${left + pad.left}" x2="${left + PANEL_W - pad.right}" y1="${H - pad.bottom}" y2="${H - pad.bottom}" stroke="#333"/>`);
  svg.push(`<line x1="${left + pad.left}" x2="${left + pad.left}" y1="${pad.top}" y2="${H - pad.bottom}" stroke="#333"/>`);
  svg.push(`<text x="${left + (pad.left + PANEL_W - pad.right) / 2}" y="${H - 14}" text-anchor="middle">latency per request (ms)</text>`);
  if (p === 0) svg.push(`<text transform="translate(14 ${(pad.top + H - pad.bottom) / 2}) rotate(-90)" text-anchor="middle">ms</text>`);
  entities.forEach((entity, i) => {
    const colour = colours[i % colours.length];
    for (const [approach, dash, width] of [['core', '', 2], ['seed', '6 4', 2], ['goal', '2 3', 1]]) {
      const points = xs
        .map(l => {
          const r = row(l, entity, approach === 'goal' ? 'core' : approach);
          if (!r) return null;
          const value = approach === 'goal' ? goalOf(r) : panel.value(r.first);
          return value === null || value === undefined || (approach === 'goal' && l === 0) ? null : [x(l), y(value)];
        })
        .filter(Boolean);
      svg.push(`<polyline fill="none" stroke="${colour}" stroke-width="${width}" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${points.map(q => q.map(n => n.toFixed(1)).join(',')).join(' ')}"/>`);
      if (approach !== 'goal') for (const [cx, cy] of points) svg.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3" fill="${colour}"/>`);
    }
  });
});
const legend = [];
entities.forEach((entity, i) => {
  const colour = colours[i % colours.length];
  legend.push({ colour, text: entity, bold: true });
  legend.push({ colour, dash: '', width: 2, text: 'plugin card (wasm core)' });
  legend.push({ colour, dash: '6 4', width: 2, text: 'seed (fetch + response.json())' });
  legend.push({ colour, dash: '2 3', width: 1, text: 'goal: rounds × latency + 150' });
});
legend.forEach((item, i) => {
  const ly = pad.top + i * 19;
  const lx = 2 * PANEL_W + 10;
  if (item.bold) {
    svg.push(`<text x="${lx}" y="${ly + 4}" font-size="11" font-weight="bold">${item.text}</text>`);
    return;
  }
  svg.push(`<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${item.colour}" stroke-width="${item.width}" ${item.dash ? `stroke-dasharray="${item.dash}"` : ''}/>`);
  svg.push(`<text x="${lx + 34}" y="${ly + 4}" font-size="11">${item.text}</text>`);
});
svg.push('</svg>');
writeFileSync(SVG, `${svg.join('\n')}\n`);
console.log(`wrote ${MD} and ${SVG}`);
