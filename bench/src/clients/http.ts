/**
 * The transport B and C share: browser fetch with the token in the header only, and
 * `credentials: 'omit'` like the core. Kept minimal on purpose: the benchmark compares
 * decoding, so both TypeScript approaches pay exactly the same transport cost.
 */
import type { ClientConfig } from './config';

/** `${proxyBase}${proxyPath}/public/...` with each segment percent-encoded, as the core builds it. */
export function consoleUrl(config: ClientConfig, segments: readonly string[], query?: Record<string, string>): string {
  const path = segments.map(encodeURIComponent).join('/');
  const url = `${config.proxyBase.replace(/\/+$/, '')}${config.proxyPath}/${path}`;
  return query ? `${url}?${new URLSearchParams(query).toString()}` : url;
}

function headers(config: ClientConfig, json: boolean): Record<string, string> {
  const h: Record<string, string> = { Authorization: `Bearer ${config.token}`, Accept: 'application/json' };
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

/** Any non-2xx is an error here; the benchmark only runs the happy path. */
async function send(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json();
}

export function getJson(config: ClientConfig, segments: readonly string[], query?: Record<string, string>): Promise<unknown> {
  return send(consoleUrl(config, segments, query), { headers: headers(config, false) });
}

export function postJson(config: ClientConfig, segments: readonly string[], body: unknown): Promise<unknown> {
  return send(consoleUrl(config, segments), { method: 'POST', headers: headers(config, true), body: JSON.stringify(body) });
}

/** The v1 search body the core sends: 1-based page, sorted by name. */
export function searchBody(page: number, pageSize: number, filter: readonly unknown[]): unknown {
  return { filter, itemsPerPage: pageSize, page, sort: 'ByName' };
}
