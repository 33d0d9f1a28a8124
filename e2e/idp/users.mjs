// The harness's accounts: one per kind of Conduktor user the tests and the demo
// need. `groups` is what Console maps to its RBAC (sim/src/rbac.rs): the same
// people are Backstage users in e2e/app/examples/org.yaml, matched by email.
// Passwords are harness-only and printed by scripts/demo.sh.
export const USERS = [
  {
    email: 'priya@example.com',
    password: 'priya-demo',
    name: 'Priya Payments',
    groups: ['payments-developers'], // team-payments: prod-eu and staging, payments.* topics
    role: 'payments developer',
  },
  {
    email: 'arjun@example.com',
    password: 'arjun-demo',
    name: 'Arjun Analytics',
    groups: ['analytics-web'], // matches ^analytics-.+$: team-analytics, click.* on prod-eu
    role: 'analytics developer',
  },
  {
    email: 'nina@example.com',
    password: 'nina-demo',
    name: 'Nina No-Kafka',
    groups: ['marketing'], // no Console group: sees nothing
    role: 'no Conduktor group',
  },
  {
    email: 'ada@example.com',
    password: 'ada-demo',
    name: 'Ada Admin',
    groups: ['conduktor-admins'], // Console admins: everything
    role: 'Conduktor administrator',
  },
];

export function findUser(email) {
  return USERS.find(user => user.email === String(email ?? '').trim().toLowerCase());
}
