import type {
  EntityOverview,
  FetchOptions,
  KafkaCluster,
  List,
  TokenReport,
} from '../wasm/conduktor_card_core.js';

/** The part of the wasm core the shim uses. */
export interface ConduktorCore {
  fetchClusters(
    token: string,
    proxyBase: string,
    options?: FetchOptions,
  ): Promise<List<KafkaCluster>>;
  fetchEntityOverview(
    token: string,
    proxyBase: string,
    annotations: Record<string, string> | undefined,
    options?: FetchOptions,
  ): Promise<EntityOverview>;
  inspectToken(token: string): TokenReport;
}

let corePromise: Promise<ConduktorCore> | undefined;

/**
 * Loads and instantiates the wasm core on first use, once per page. The glue
 * resolves the `.wasm` with `new URL(..., import.meta.url)`, which Backstage's
 * bundler (Rspack or webpack) emits as an asset. A failed load is not cached, so a
 * retry can succeed after a network blip.
 */
export function loadCore(): Promise<ConduktorCore> {
  if (!corePromise) {
    corePromise = import('../wasm/conduktor_card_core.js').then(async glue => {
      await glue.default();
      return glue;
    });
    corePromise.catch(() => {
      corePromise = undefined;
    });
  }
  return corePromise;
}

/**
 * Starts loading the core without waiting for it: the card's and the tab's loaders
 * call it beside their own chunks, so the `.wasm` is fetched and compiled while
 * Backstage loads the card and mounts it, instead of after the card's first render.
 * A failure here is dropped; the card's own call retries and reports it.
 */
export function preloadCore(): void {
  loadCore().catch(() => undefined);
}
