// A's client for the bundle-size measurement: the core's glue, exactly what the plugin
// ships. `conduktor-core` is aliased to BENCH_CORE_DIR's glue by the driver's esbuild call;
// the .wasm it loads is counted separately.
// @ts-expect-error resolved by the esbuild alias at measurement time, not by tsc
export { default as init, fetchClusters, fetchTopics, fetchConsumerGroups, fetchEntityOverview } from 'conduktor-core';
