import type { EntityOverview, FetchOptions, KafkaCluster, List, TokenReport } from '../wasm/conduktor_card_core.js';

/** The part of the wasm core the shim uses. */
export interface ConduktorCore {
  fetchClusters(token: string, proxyBase: string, options?: FetchOptions): Promise<List<KafkaCluster>>;
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
