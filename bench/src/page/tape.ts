/**
 * Records each approach's responses once, then replays them from memory by replacing
 * `globalThis.fetch`. The core's glue looks `fetch` up on every call, so A, B and C all
 * go through the same replacement. Replaying removes the simulator and the network from
 * the measurement and leaves what each client costs in the page: building requests,
 * reading the body, decoding, validating and creating the JavaScript objects.
 *
 * It also timestamps, per run, when the first request was made and when each body was
 * read (`text()` for the core, `json()` for B and C), for the time splits.
 */
import type { Approach } from '../shared/workloads';

interface Recorded {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export interface Marks {
  firstFetch: number;
  /** When the last body read (text() or json()) resolved. */
  lastBody: number;
  /** Sum over requests of fetch-call to body-resolved time. */
  bodyTotal: number;
}

const nativeFetch = globalThis.fetch.bind(globalThis);

/**
 * `consume`: read a Request's body directly (replay, where the request goes nowhere) rather
 * than through clone(), which tees the body stream and costs about 2 ms per request in
 * Chromium 156, a cost only the core (which hands fetch Request objects) would pay.
 */
async function requestKey(input: RequestInfo | URL, init: RequestInit | undefined, consume: boolean): Promise<string> {
  if (input instanceof Request) {
    const body = input.method === 'GET' ? '' : await (consume ? input : input.clone()).text();
    return `${input.method} ${input.url}\n${canonicalBody(body)}`;
  }
  const body = typeof init?.body === 'string' ? init.body : '';
  return `${init?.method ?? 'GET'} ${String(input)}\n${canonicalBody(body)}`;
}

/** The core's JSON bodies have sorted keys, B's and C's too; parse anyway to be safe. */
function canonicalBody(body: string): string {
  return body === '' ? '' : JSON.stringify(JSON.parse(body));
}

export class Tape {
  private readonly tapes = new Map<Approach, Map<string, Recorded>>();
  private marks: Marks | null = null;

  /** Runs `task` against the network, keeping every response it received. */
  async record<T>(approach: Approach, task: () => Promise<T>): Promise<T> {
    const tape = new Map<string, Recorded>();
    this.tapes.set(approach, tape);
    globalThis.fetch = async (input, init) => {
      // The key first: fetch() consumes a Request's body.
      const key = await requestKey(input, init, false);
      const response = await nativeFetch(input, init);
      const body = new Uint8Array(await response.clone().arrayBuffer());
      tape.set(key, { status: response.status, headers: [...response.headers], body });
      return response;
    };
    try {
      return await task();
    } finally {
      globalThis.fetch = nativeFetch;
    }
  }

  /** Bytes of the recorded response bodies of one approach. */
  bodyBytes(approach: Approach): number {
    let total = 0;
    for (const r of this.tapes.get(approach)?.values() ?? []) total += r.body.byteLength;
    return total;
  }

  /** Runs `task` with `fetch` answered from the tape; a request not on it fails loudly. */
  async replay<T>(approach: Approach, task: () => Promise<T>, mark = false): Promise<T> {
    const tape = this.tapes.get(approach);
    if (!tape) throw new Error(`nothing recorded for ${approach}`);
    this.marks = mark ? { firstFetch: 0, lastBody: 0, bodyTotal: 0 } : null;
    globalThis.fetch = async (input, init) => {
      const started = performance.now();
      if (this.marks && this.marks.firstFetch === 0) this.marks.firstFetch = started;
      const key = await requestKey(input, init, true);
      const recorded = tape.get(key);
      if (!recorded) throw new Error(`replay: no recorded answer for ${key}`);
      // new Response copies the bytes, so every replay reads a fresh body.
      const response = new Response(recorded.body, { status: recorded.status, headers: recorded.headers });
      if (this.marks) this.markBody(response, started);
      return response;
    };
    try {
      return await task();
    } finally {
      globalThis.fetch = nativeFetch;
    }
  }

  /** The marks of the last replay run with `mark`, once. */
  takeMarks(): Marks | null {
    const marks = this.marks;
    this.marks = null;
    return marks;
  }

  /** Wraps this response's body readers (the core's arrayBuffer(), B's and C's json()) to note when its body was read. */
  private markBody(response: Response, started: number): void {
    const marks = this.marks!;
    for (const method of ['text', 'json', 'arrayBuffer'] as const) {
      const original = response[method].bind(response);
      Object.defineProperty(response, method, {
        value: async () => {
          const value: unknown = await original();
          const now = performance.now();
          marks.lastBody = Math.max(marks.lastBody, now);
          marks.bodyTotal += now - started;
          return value;
        },
      });
    }
  }
}
