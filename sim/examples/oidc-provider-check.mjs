// A manual interoperability check of `conduktor-sim --issuer` with the npm
// `oidc-provider` (not run by cargo test; the e2e harness is where a real
// provider belongs). It starts oidc-provider on loopback with one RSA and one EC
// signing key and prints three tokens as JSON on its last stdout line: RS256 and
// ES256 tokens signed with those keys by `jose`, and an ID token issued by
// oidc-provider's own IdToken model.
//
//   mkdir /tmp/oidc && cd /tmp/oidc && npm install oidc-provider@9 jose
//   node /path/to/sim/examples/oidc-provider-check.mjs 39555 > tokens.txt &
//   target/debug/conduktor-sim --listen 127.0.0.1:39556 --issuer http://127.0.0.1:39555 --test-controls &
//   TOKEN=$(tail -1 tokens.txt | jq -r .provider)
//   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:39556/api/public/console/v2/kafka-cluster
//
// Run from the directory where the packages are installed (Node resolves them
// from the script's location, so copy the script there first).
import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';

const port = Number(process.argv[2] ?? 39555);
const issuer = `http://127.0.0.1:${port}`;
const rsa = await generateKeyPair('RS256', { extractable: true });
const ec = await generateKeyPair('ES256', { extractable: true });
const keys = [
  { ...(await exportJWK(rsa.privateKey)), kid: 'rsa-1', use: 'sig', alg: 'RS256' },
  { ...(await exportJWK(ec.privateKey)), kid: 'ec-1', use: 'sig', alg: 'ES256' },
];
const provider = new Provider(issuer, {
  jwks: { keys },
  clients: [{ client_id: 'backstage', client_secret: 'secret', redirect_uris: ['http://127.0.0.1/cb'] }],
  claims: { email: ['email'], groups: ['groups'] },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: sub, groups: ['payments-developers'] }) }),
});
provider.listen(port, async () => {
  const now = Math.floor(Date.now() / 1000);
  const sign = (alg, kid, key) => new SignJWT({ email: 'dev@example.com', groups: ['payments-developers'] })
    .setProtectedHeader({ alg, kid }).setIssuer(issuer).setAudience('backstage').setSubject('dev')
    .setIssuedAt(now).setExpirationTime(now + 600).sign(key);
  const out = { rs256: await sign('RS256', 'rsa-1', rsa.privateKey), es256: await sign('ES256', 'ec-1', ec.privateKey) };
  // An ID token issued by oidc-provider itself, through its IdToken model.
  try {
    const client = await provider.Client.find('backstage');
    const ctx = provider.createContext({ method: 'GET', url: '/', headers: {} , socket: {} }, {});
    const token = new provider.IdToken({ sub: 'real@example.com', email: 'real@example.com', groups: ['conduktor-admins'] }, { client, ctx });
    token.scope = 'openid email groups';
    out.provider = await token.issue({ use: 'idtoken' });
  } catch (e) { out.providerError = String(e.stack ?? e); }
  console.log(JSON.stringify(out));
});
