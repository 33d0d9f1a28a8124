import type { ConduktorError as CoreError, ConduktorErrorKind } from './api/types.js';

/** A rejection of the core: `kind`, `status`, Console's `title`/`msg`/`cause`, `retryAfterMs`. */
export type ConduktorError = CoreError;

const KINDS: ReadonlySet<string> = new Set<ConduktorErrorKind>([
  'invalid-input', 'unauthorized', 'proxy-rejected', 'forbidden', 'not-found', 'rate-limited',
  'server', 'http', 'network', 'timeout', 'aborted', 'decode',
]);

/** True for rejections of the wasm core. */
export function isConduktorError(value: unknown): value is ConduktorError {
  return (
    value instanceof Error &&
    value.name === 'ConduktorError' &&
    KINDS.has((value as Partial<ConduktorError>).kind ?? '')
  );
}

/**
 * The class of every rejection of the core, for `instanceof` checks. The core
 * creates its errors in the wasm glue's own module; `Symbol.hasInstance` makes
 * `error instanceof ConduktorError` true for those too, whichever copy of the
 * package the app bundled.
 */
export const ConduktorError: {
  new (kind: ConduktorErrorKind, message: string): ConduktorError;
  [Symbol.hasInstance](value: unknown): boolean;
} = class ConduktorErrorClass extends Error {
  readonly kind: ConduktorErrorKind;

  constructor(kind: ConduktorErrorKind, message: string) {
    super(message);
    this.name = 'ConduktorError';
    this.kind = kind;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return isConduktorError(value);
  }
} as never;

/** The proxy block an adopter must add when the proxy rejects the user's token. */
export const PROXY_CONFIG_SNIPPET = `proxy:
  endpoints:
    /conduktor:
      target: https://<your-console-host>/api
      credentials: dangerously-allow-unauthenticated
      allowedHeaders: [Authorization]
      allowedMethods: [GET, POST]`;

const TITLES: Record<ConduktorErrorKind, string> = {
  'invalid-input': 'The Conduktor card is not set up correctly',
  unauthorized: 'Conduktor Console did not accept your sign-in',
  'proxy-rejected': 'The Backstage proxy blocked the request to Conduktor',
  forbidden: 'Conduktor Console does not let you see this',
  'not-found': 'Not found in Conduktor Console',
  'rate-limited': 'Conduktor Console is rate limiting requests',
  server: 'Conduktor Console is unavailable',
  http: 'Conduktor Console answered unexpectedly',
  network: 'Conduktor Console could not be reached',
  timeout: 'Conduktor Console took too long to answer',
  aborted: 'The request was cancelled',
  decode: 'Conduktor Console sent data the card cannot read',
};

export function errorTitle(error: ConduktorError): string {
  return TITLES[error.kind];
}

/** Kinds where trying again can help without changing any configuration. */
export function isRetryable(error: ConduktorError): boolean {
  return ['rate-limited', 'server', 'network', 'timeout', 'aborted', 'http'].includes(error.kind);
}
