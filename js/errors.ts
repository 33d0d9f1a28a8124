import type {
  ConduktorError as CoreError,
  ConduktorErrorKind,
  TokenReport,
} from './api/types.js';

/** A rejection of the core: `kind`, `status`, Console's `title`/`msg`/`cause`, `retryAfterMs`. */
export type ConduktorError = CoreError;

const KINDS: ReadonlySet<string> = new Set<ConduktorErrorKind>([
  'invalid-input',
  'unauthorized',
  'proxy-rejected',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'http',
  'network',
  'timeout',
  'aborted',
  'decode',
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
// eslint-disable-next-line @typescript-eslint/no-redeclare -- the interface and its class share the name, as a class declaration's would
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
  'license-required': "Conduktor Console's plan does not include this",
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
  return [
    'rate-limited',
    'server',
    'network',
    'timeout',
    'aborted',
    'http',
  ].includes(error.kind);
}

/** An `unauthorized` rejection with what the token says (null when it is not a JWT). */
export type UnauthorizedError = CoreError & {
  tokenReport?: TokenReport | null;
};

/**
 * Why Console may have rejected the token, from its claims. Console validates the
 * signature, issuer and expiry and maps the user by the email claim.
 */
export function explainUnauthorized(
  report: TokenReport | null | undefined,
  now = Date.now(),
): string[] {
  if (report === undefined) return [];
  if (report === null) {
    return [
      'The sign-in token is not a JWT: bind the card to an identity provider whose ID token is a JWT (see the README, "Sign-in").',
    ];
  }
  const reasons: string[] = [];
  if (
    report.expired ||
    (report.expiresAt !== undefined && report.expiresAt <= now)
  ) {
    reasons.push(
      `Your sign-in token expired at ${new Date(
        report.expiresAt ?? now,
      ).toLocaleString()}. Sign in again.`,
    );
  }
  if (!report.hasEmailClaim) {
    reasons.push(
      'Your token has no email claim, which Conduktor Console needs to know who you are: request the "email" scope at sign-in.',
    );
  }
  reasons.push(
    `Your token was issued by ${
      report.issuer ?? 'an unknown issuer'
    }; Conduktor Console must trust this issuer (sso.jwt-auth.issuer).`,
  );
  return reasons;
}
