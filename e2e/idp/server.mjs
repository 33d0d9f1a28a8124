// The harness's OpenID Provider: the npm `oidc-provider` on loopback, with the
// accounts of users.mjs. Backstage signs users in through it (provider id `oidc`),
// and the Console simulator trusts it (`conduktor-sim --issuer`), so one ID token
// (email and groups claims) travels from the login page to Console's RBAC.
//
//   node e2e/idp/server.mjs --port 29920 --redirect-uri http://127.0.0.1:29007/api/auth/oidc/handler/frame [--test-controls]
//
// Loopback and http only: it is a test and demo IdP, not a deployment.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider, { errors } from 'oidc-provider';
import { loginPage } from './login-page.mjs';
import { USERS, findUser } from './users.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '29920' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'client-id': { type: 'string', default: 'backstage' },
    'client-secret': { type: 'string', default: 'e2e-harness-client-secret' },
    'test-controls': { type: 'boolean', default: false },
  },
});
const port = Number(args.port);
const issuer = `http://127.0.0.1:${port}`;
const HOUR = 3600;

// Lifetimes the tests may shorten (POST /harness/ttl) to make the next ID token
// expire while the Backstage session, which follows the access token, stays valid.
const ttl = { idToken: HOUR, accessToken: HOUR };

// A fresh RSA key per start: the simulator and Backstage fetch the JWKS by discovery.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `harness-${randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: args['client-id'],
      client_secret: args['client-secret'],
      redirect_uris: args['redirect-uri'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [jwk] },
  scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], groups: ['groups'] },
  // Console reads email and groups from the ID token itself, not from userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const user = findUser(sub);
    if (!user) return undefined;
    return {
      accountId: user.email,
      async claims() {
        return { sub: user.email, email: user.email, email_verified: true, name: user.name, groups: user.groups };
      },
    };
  },
  // A first-party client: no consent screen. Every grant covers the scopes above.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email groups offline_access');
    await grant.save();
    return grant;
  },
  // Backstage keeps the session across page loads with a refresh token; without
  // prompt=consent the spec drops offline_access, so issue one to this client anyway.
  async issueRefreshToken(_ctx, client) {
    return client.grantTypeAllowed('refresh_token');
  },
  ttl: {
    AccessToken: () => ttl.accessToken,
    IdToken: () => ttl.idToken,
    RefreshToken: 8 * HOUR,
    Grant: 8 * HOUR,
    Session: 8 * HOUR,
    Interaction: HOUR,
  },
  cookies: { keys: [randomBytes(16).toString('hex')] },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="en"><title>Harness IdP error</title><main><h1>Sign-in error</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre></main></html>`;
  },
});

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

// The login page and its form post: a real check of the account's password.
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction mismatch');
  if (details.prompt.name !== 'login') {
    // Consent is granted by loadExistingGrant; anything else ends the interaction as is.
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET' && !action) {
    return send(res, 200, 'text/html; charset=utf-8', loginPage({ uid }));
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const user = findUser(form.get('email'));
    if (!user || form.get('password') !== user.password) {
      return send(res, 401, 'text/html; charset=utf-8', loginPage({ uid, email: form.get('email'), error: 'Unknown email or wrong password.' }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: user.email } }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'GET' && action === 'abort') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
  }
  return send(res, 405, 'text/plain', 'method not allowed');
}

// Harness-only controls, like the simulator's /sim/*: never served without --test-controls.
async function controls(req, res, path) {
  if (path === '/harness/ttl' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { idToken, accessToken } = JSON.parse(body || '{}');
    if (idToken !== undefined) ttl.idToken = positiveInteger(idToken ?? HOUR);
    if (accessToken !== undefined) ttl.accessToken = positiveInteger(accessToken ?? HOUR);
    return send(res, 200, 'application/json', JSON.stringify(ttl));
  }
  if (path === '/harness/users' && req.method === 'GET') {
    return send(res, 200, 'application/json', JSON.stringify(USERS.map(({ password: _p, ...user }) => user)));
  }
  return send(res, 404, 'text/plain', 'not found');
}

function positiveInteger(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`a lifetime must be a positive number of seconds, not ${value}`);
  return n;
}

const providerCallback = provider.callback();
const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url, issuer);
  try {
    const match = pathname.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/);
    if (match) return await interaction(req, res, match[1], match[2]);
    if (pathname.startsWith('/harness/') && args['test-controls']) return await controls(req, res, pathname);
    if (pathname === '/health') return send(res, 200, 'application/json', '{"status":"UP"}');
    return providerCallback(req, res);
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      return send(res, 400, 'text/plain', 'The sign-in expired or its cookie is missing; start it again from Backstage.');
    }
    console.error(error);
    if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`harness OpenID Provider: issuer ${issuer}, ${USERS.length} users, client ${args['client-id']} -> ${args['redirect-uri'].join(', ')}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
