import type { DiscoveryApi } from '@backstage/core-plugin-api';
import { loadCore, type ConduktorCore } from '../core/loadCore.js';
import { isConduktorError, type UnauthorizedError } from '../errors.js';
import type { ConduktorApi, ConduktorAuthApi, ConduktorCallOptions, EntityOverview, KafkaCluster } from './types.js';

export interface ConduktorClientOptions {
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  authApi: ConduktorAuthApi;
  /** The Backstage proxy endpoint that targets Console's `/api`; default `/conduktor`. */
  proxyPath?: string;
  /** Injected in tests; defaults to the bundled wasm core. */
  loadCore?: () => Promise<ConduktorCore>;
}

/**
 * Thin client over the wasm core: it gathers the token and proxy base for each call
 * and hands them straight to the core, which does the request, the validation and
 * the error mapping. The token is fetched per call and kept in no field.
 */
export class ConduktorClient implements ConduktorApi {
  constructor(private readonly options: ConduktorClientOptions) {}

  async fetchClusters(call: ConduktorCallOptions = {}): Promise<KafkaCluster[]> {
    const { core, proxyBase, token } = await this.prepare();
    return core
      .fetchClusters(token, proxyBase, { ...call, proxyPath: this.options.proxyPath })
      .catch(error => Promise.reject(withTokenReport(error, core, token)));
  }

  async fetchEntityOverview(
    annotations: Record<string, string> | undefined,
    call: ConduktorCallOptions = {},
  ): Promise<EntityOverview> {
    const { core, proxyBase, token } = await this.prepare();
    return core
      .fetchEntityOverview(token, proxyBase, annotations, { ...call, proxyPath: this.options.proxyPath })
      .catch(error => Promise.reject(withTokenReport(error, core, token)));
  }

  async signIn(): Promise<void> {
    await this.options.authApi.signIn?.();
  }

  /** The core, the proxy base and a fresh token; the token goes straight to the core. */
  private async prepare(): Promise<{ core: ConduktorCore; proxyBase: string; token: string }> {
    const [core, proxyBase, token] = await Promise.all([
      (this.options.loadCore ?? loadCore)(),
      this.options.discoveryApi.getBaseUrl('proxy'),
      this.options.authApi.getIdToken(),
    ]);
    return { core, proxyBase, token };
  }
}

/**
 * When Console rejects the token, attaches what the token says (issuer, expiry,
 * claims; never the token itself) so the card can explain why.
 */
function withTokenReport(error: unknown, core: ConduktorCore, token: string): unknown {
  if (isConduktorError(error) && error.kind === 'unauthorized') {
    try {
      (error as UnauthorizedError).tokenReport = core.inspectToken(token);
    } catch {
      (error as UnauthorizedError).tokenReport = null;
    }
  }
  return error;
}
