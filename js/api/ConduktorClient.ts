import type { ConfigApi, DiscoveryApi } from '@backstage/core-plugin-api';
import { loadCore, type ConduktorCore } from '../core/loadCore.js';
import { isConduktorError, type UnauthorizedError } from '../errors.js';
import type {
  ConduktorApi,
  ConduktorAuthApi,
  ConduktorCallOptions,
  ConsoleLinkTemplates,
  EntityOverview,
  KafkaCluster,
  List,
} from './types.js';

export interface ConduktorClientOptions {
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  authApi: ConduktorAuthApi;
  /** The Backstage proxy endpoint that targets Console's `/api`; default `/conduktor`. */
  proxyPath?: string;
  /** Which token to forward: the ID token (default) or an access token for `scope`. */
  token?: { type: 'id' | 'access'; scope?: string };
  /** Default per-call timeout in milliseconds (the core's default is 15000). */
  timeoutMs?: number;
  /** Conduktor Console's address: the core then adds a `consoleLink` to every resource. */
  consoleUrl?: string;
  /** Replaces the core's default paths of those links (Console's UI routes are not a documented API). */
  consoleLinks?: ConsoleLinkTemplates;
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

  /** Reads `conduktor.proxyPath`, `.auth.token`, `.auth.scope`, `.requestTimeoutMs`, `.consoleUrl` and `.consoleLinks` (see config.d.ts). */
  static fromConfig(
    configApi: Pick<ConfigApi, 'getOptionalString' | 'getOptionalNumber'>,
    deps: Pick<ConduktorClientOptions, 'discoveryApi' | 'authApi' | 'loadCore'>,
  ): ConduktorClient {
    const type = configApi.getOptionalString('conduktor.auth.token') ?? 'id';
    if (type !== 'id' && type !== 'access') {
      throw new Error(
        `conduktor.auth.token must be "id" or "access", not "${type}"`,
      );
    }
    return new ConduktorClient({
      ...deps,
      proxyPath: configApi.getOptionalString('conduktor.proxyPath'),
      token: {
        type,
        scope: configApi.getOptionalString('conduktor.auth.scope'),
      },
      timeoutMs: configApi.getOptionalNumber('conduktor.requestTimeoutMs'),
      consoleUrl: configApi.getOptionalString('conduktor.consoleUrl'),
      consoleLinks: linkTemplates(configApi),
    });
  }

  private callOptions(call: ConduktorCallOptions) {
    const { timeoutMs, proxyPath, consoleUrl, consoleLinks } = this.options;
    return withoutUndefined({
      timeoutMs,
      ...call,
      proxyPath,
      consoleUrl,
      consoleLinks,
    });
  }

  private token(): Promise<string> {
    const { authApi, token } = this.options;
    if (token?.type !== 'access') return authApi.getIdToken();
    if (!authApi.getAccessToken) {
      return Promise.reject(
        new Error(
          'conduktor.auth.token is "access", but the auth API bound to conduktorAuthApiRef has no getAccessToken',
        ),
      );
    }
    return authApi.getAccessToken(token.scope);
  }

  async fetchClusters(
    call: ConduktorCallOptions = {},
  ): Promise<List<KafkaCluster>> {
    const { core, proxyBase, token } = await this.prepare();
    return core
      .fetchClusters(token, proxyBase, this.callOptions(call))
      .catch(error => Promise.reject(withTokenReport(error, core, token)));
  }

  async fetchEntityOverview(
    annotations: Record<string, string> | undefined,
    call: ConduktorCallOptions = {},
  ): Promise<EntityOverview> {
    const { core, proxyBase, token } = await this.prepare();
    return core
      .fetchEntityOverview(
        token,
        proxyBase,
        annotations,
        this.callOptions(call),
      )
      .catch(error => Promise.reject(withTokenReport(error, core, token)));
  }

  /**
   * "Sign in again". Backstage's OAuth2 `signIn()` keeps a session whose access token
   * is still valid even when its ID token has expired (Okta lets access tokens outlive
   * the one-hour ID token), and the card forwards the ID token; so the session is
   * ended first and the provider issues a fresh ID token.
   */
  async signIn(): Promise<void> {
    const { authApi } = this.options;
    if (authApi.signIn) await authApi.signOut?.();
    await authApi.signIn?.();
  }

  /** The core, the proxy base and a fresh token; the token goes straight to the core. */
  private async prepare(): Promise<{
    core: ConduktorCore;
    proxyBase: string;
    token: string;
  }> {
    const [core, proxyBase, token] = await Promise.all([
      (this.options.loadCore ?? loadCore)(),
      this.options.discoveryApi.getBaseUrl('proxy'),
      this.token(),
    ]);
    return { core, proxyBase, token };
  }
}

function linkTemplates(
  configApi: Pick<ConfigApi, 'getOptionalString'>,
): ConsoleLinkTemplates | undefined {
  const templates = withoutUndefined({
    cluster: configApi.getOptionalString('conduktor.consoleLinks.cluster'),
    topic: configApi.getOptionalString('conduktor.consoleLinks.topic'),
    consumerGroup: configApi.getOptionalString(
      'conduktor.consoleLinks.consumerGroup',
    ),
    application: configApi.getOptionalString(
      'conduktor.consoleLinks.application',
    ),
  });
  return Object.keys(templates).length > 0 ? templates : undefined;
}

/** Leaves unset settings out, so the core applies its defaults. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * When Console rejects the token, attaches what the token says (issuer, expiry,
 * claims; never the token itself) so the card can explain why.
 */
function withTokenReport(
  error: unknown,
  core: ConduktorCore,
  token: string,
): unknown {
  if (isConduktorError(error) && error.kind === 'unauthorized') {
    try {
      (error as UnauthorizedError).tokenReport = core.inspectToken(token);
    } catch {
      (error as UnauthorizedError).tokenReport = null;
    }
  }
  return error;
}
