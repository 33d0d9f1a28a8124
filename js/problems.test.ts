import { describe, expect, it } from 'vitest';
import type { Problem } from './api/types.js';
import { emptyOverview, overview } from './test/fixtures.js';
import { isNoAccess, noAccessSentence, problemsByCluster } from './problems.js';

const FORBIDDEN =
  'Conduktor Console does not allow you to see this (403); ask your Conduktor administrator for access';
const refused = (cluster: string | undefined, resource: string): Problem => ({
  kind: 'forbidden',
  status: 403,
  message: FORBIDDEN,
  cluster,
  resource,
});
const missingCluster = (cluster: string): Problem => ({
  kind: 'not-found',
  message: `cluster ${cluster} does not exist in Conduktor Console, or you may not see it; ask your Conduktor administrator for access`,
  cluster,
  resource: `cluster ${cluster}`,
});

// What the core reports for a user in no Conduktor group on payments-api.
const nina = [
  refused('prod-eu', 'topics payments.*'),
  refused('prod-eu', 'consumer group payments-processor'),
  refused('prod-eu', 'topics payments.*'),
  refused('staging', 'topic payments.orders'),
  missingCluster('prod-eu'),
  missingCluster('staging'),
];

describe('the no-access summary', () => {
  it('names each cluster once, with what was asked there, in one sentence', () => {
    expect(noAccessSentence('payments-api', nina)).toBe(
      'You have no access in Conduktor to what payments-api uses: prod-eu (topics payments.*, consumer group payments-processor), staging (topic payments.orders). Ask your Conduktor administrator.',
    );
  });

  it('names a cluster alone when only the cluster was refused, and resources without a cluster after', () => {
    expect(
      noAccessSentence('x', [
        missingCluster('dev'),
        refused(undefined, 'application payments'),
      ]),
    ).toBe(
      'You have no access in Conduktor to what x uses: dev, application payments. Ask your Conduktor administrator.',
    );
  });

  it('applies only when every problem is a refusal and nothing of Kafka loaded', () => {
    const refusedAll = {
      ...emptyOverview(true),
      problems: nina,
      applications: overview.applications,
    };
    expect(isNoAccess(refusedAll)).toBe(true);
    expect(isNoAccess({ ...refusedAll, topics: overview.topics })).toBe(false);
    expect(
      isNoAccess({
        ...refusedAll,
        problems: [
          ...nina,
          { kind: 'server', message: 'down', cluster: 'prod-eu' },
        ],
      }),
    ).toBe(false);
    expect(isNoAccess({ ...refusedAll, annotated: false })).toBe(false);
    expect(isNoAccess(emptyOverview(true))).toBe(false);
  });
});

describe('problems by cluster', () => {
  it('groups by cluster and says each sentence once, with every resource it is about', () => {
    const groups = problemsByCluster(
      [
        ...nina,
        {
          kind: 'timeout',
          message: 'Conduktor Console took too long',
          cluster: 'prod-eu',
          resource: 'topic payments.ledger',
        },
      ],
      [
        {
          cluster: 'staging',
          what: 'topics payments.*',
          shown: 100,
          total: 340,
        },
      ],
    );
    expect(groups.map(g => g.cluster)).toEqual(['prod-eu', 'staging']);
    const [prod, staging] = groups;
    expect(prod.notes).toEqual([
      {
        severity: 'info',
        message: FORBIDDEN,
        resources: ['topics payments.*', 'consumer group payments-processor'],
      },
      {
        severity: 'info',
        message: expect.stringMatching(/^cluster prod-eu does not exist/),
        resources: ['cluster prod-eu'],
      },
      {
        severity: 'danger',
        message: 'Conduktor Console took too long',
        resources: ['topic payments.ledger'],
      },
    ]);
    expect(staging.notes.map(n => n.message)).toEqual([
      FORBIDDEN,
      expect.stringMatching(/^cluster staging/),
      'Showing the first 100 of 340 topics payments.*: open Conduktor Console for the rest.',
    ]);
    const sentences = groups.flatMap(g => g.notes.map(n => n.message));
    for (const group of groups)
      expect(new Set(group.notes.map(n => n.message)).size).toBe(
        group.notes.length,
      );
    expect(sentences.filter(s => s === FORBIDDEN)).toHaveLength(2);
  });
});
