/**
 * What every approach needs to call Console: the same inputs the core takes, so the three
 * clients send the same requests (checked against the simulator's request log).
 */
export interface ClientConfig {
  /** Raw JWT, sent only as `Authorization: Bearer`. */
  readonly token: string;
  /** Origin the requests go to (the simulator in the benchmark, Backstage's proxy in an app). */
  readonly proxyBase: string;
  /** Path prefix before `/public/...` ('/conduktor' behind Backstage, '/api' on the simulator). */
  readonly proxyPath: string;
  /** Items per page of a v1 search. */
  readonly pageSize: number;
  /** Pages a v1 search follows before it stops and says so. */
  readonly maxPages: number;
}

/** The four calls the benchmark compares; results are whatever each approach hands the UI. */
export interface Client {
  clusters(): Promise<unknown>;
  topics(cluster: string): Promise<unknown>;
  consumerGroups(cluster: string): Promise<unknown>;
  entityOverview(annotations: Record<string, string>): Promise<unknown>;
}
