/**
 * The core's paging rule for v1 searches, shared by B and C so both follow exactly the
 * pages the core follows: stop at the last page, on an empty page, or at `maxPages`
 * (then `truncated`).
 */
import type { ClientConfig } from './config';
import { postJson, searchBody } from './http';

export interface Page<T> {
  readonly data: readonly T[];
  /** Already clamped as the core does; 1 when Console did not say. */
  readonly totalPages: number;
  readonly totalElements: number | null;
}

export interface Listing<T> {
  items: T[];
  totalElements: number | null;
  truncated: boolean;
}

export async function followPages<T>(
  config: ClientConfig,
  segments: readonly string[],
  filter: readonly unknown[],
  maxPages: number,
  decode: (body: unknown) => Page<T>,
): Promise<Listing<T>> {
  const listing: Listing<T> = { items: [], totalElements: null, truncated: false };
  for (let page = 1; ; page++) {
    const decoded = decode(await postJson(config, segments, searchBody(page, config.pageSize, filter)));
    listing.totalElements = decoded.totalElements;
    for (const item of decoded.data) listing.items.push(item);
    if (page >= decoded.totalPages || decoded.data.length === 0) return listing;
    if (page >= maxPages) {
      listing.truncated = true;
      return listing;
    }
  }
}
