/**
 * A, the plugin's wasm core, behind the benchmark's `Client` interface. The core module is
 * passed in (loaded at run time from BENCH_CORE_DIR) so the page measures the built
 * artifact exactly as it ships, not a re-bundled copy.
 */
import type { Client, ClientConfig } from './config';

/** The slice of the core's generated `conduktor_card_core.d.ts` the benchmark calls. */
export interface CoreModule {
  default(init?: { module_or_path: unknown }): Promise<{ memory: WebAssembly.Memory }>;
  fetchClusters(token: string, proxyBase: string, options?: object): Promise<unknown>;
  fetchTopics(token: string, proxyBase: string, cluster: string, options?: object): Promise<unknown>;
  fetchConsumerGroups(token: string, proxyBase: string, cluster: string, options?: object): Promise<unknown>;
  fetchEntityOverview(token: string, proxyBase: string, annotations: Record<string, string>, options?: object): Promise<unknown>;
}

export function createCoreClient(core: CoreModule, config: ClientConfig): Client {
  // cacheTtlMs 0: repeated runs must really fetch and decode, never reuse a stored answer.
  const options = {
    proxyPath: config.proxyPath,
    pageSize: config.pageSize,
    maxPages: config.maxPages,
    cacheTtlMs: 0,
    timeoutMs: 300_000,
  };
  return {
    clusters: () => core.fetchClusters(config.token, config.proxyBase, options),
    topics: cluster => core.fetchTopics(config.token, config.proxyBase, cluster, options),
    consumerGroups: cluster => core.fetchConsumerGroups(config.token, config.proxyBase, cluster, options),
    entityOverview: annotations => core.fetchEntityOverview(config.token, config.proxyBase, annotations, options),
  };
}
