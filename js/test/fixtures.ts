import type { Entity } from '@backstage/catalog-model';
import type {
  ConduktorError,
  ConduktorErrorKind,
  ConsumerGroup,
  EntityOverview,
  KafkaCluster,
  Topic,
} from '../api/types.js';

export const clusters: KafkaCluster[] = [
  {
    name: 'prod-eu',
    displayName: 'Production EU',
    bootstrapServers: 'b1:9092,b2:9092',
    color: '#E74C3C',
    icon: 'kafka',
    labels: { env: 'prod' },
    schemaRegistry: { type: 'ConfluentLike', url: 'https://sr:8081' },
    consoleLink: 'https://console.example.com/console/prod-eu/topics',
  },
  {
    name: 'dev',
    displayName: 'Dev',
    bootstrapServers: 'localhost:9092',
    color: 'red;background:url(https://evil.example/x)',
    labels: {},
  },
];

/** The shape the wasm core rejects with (see src/js_boundary.rs). */
export function conduktorError(
  kind: ConduktorErrorKind,
  message: string,
  status?: number,
): ConduktorError {
  const error = new Error(message) as ConduktorError;
  error.name = 'ConduktorError';
  error.kind = kind;
  if (status !== undefined) error.status = status;
  return error;
}

export const overview: EntityOverview = {
  annotated: true,
  clusters: [clusters[0]],
  topics: [
    {
      name: 'payments.orders',
      cluster: 'prod-eu',
      indexed: true,
      partitions: 12,
      replicationFactor: 3,
      cleanupPolicy: 'delete',
      retentionMs: 604_800_000,
      minInsyncReplicas: 2,
      catalogVisibility: 'PUBLIC',
      labels: {},
      ownerApplication: 'payments',
      ownerInstance: 'payments-prod',
      recordCount: 1_250_000,
      sizeBytes: 734_003_200,
      produceRate: 120,
      lastActivityAt: '2026-11-29T10:00:00Z',
      consoleLink:
        'https://console.example.com/console/prod-eu/topics/payments.orders',
      // Console's topic tags (a hex colour or none).
      tags: [
        { id: 't1', name: 'pii', color: '#E74C3C' },
        { id: 't2', name: 'gold' },
      ],
    },
  ],
  consumerGroups: [
    {
      name: 'payments-processor',
      cluster: 'prod-eu',
      indexed: true,
      state: 'Stable',
      members: 3,
      overallLag: 42,
      maxLagSeconds: 2,
      topics: ['payments.orders'],
      // eslint-disable-next-line no-script-url -- a hostile link the card must refuse
      consoleLink: 'javascript:alert(1)',
    },
  ],
  applications: [
    {
      name: 'payments',
      application: {
        name: 'payments',
        title: 'Payments',
        owner: 'team-payments',
        labels: {},
        consoleLink: 'https://console.example.com/applications/payments',
      },
      instances: [
        {
          name: 'payments-prod',
          application: 'payments',
          cluster: 'prod-eu',
          serviceAccount: 'sa-payments-prod',
          resources: [
            {
              type: 'TOPIC',
              name: 'payments.',
              patternType: 'PREFIXED',
              ownershipMode: 'ALL',
            },
          ],
          labels: {},
        },
      ],
    },
  ],
  problems: [
    {
      kind: 'forbidden',
      status: 403,
      message:
        'Conduktor Console does not allow you to see this (403); ask your Conduktor administrator for access',
      cluster: 'staging',
      resource: 'topic payments.orders',
    },
  ],
  truncations: [],
};

export const emptyOverview = (annotated: boolean): EntityOverview => ({
  annotated,
  clusters: [],
  topics: [],
  consumerGroups: [],
  applications: [],
  problems: [],
  truncations: [],
});

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'conduktor.io/topics': 'prod-eu/payments.orders' },
  },
  spec: { type: 'service', owner: 'guests', lifecycle: 'production' },
};

/** A topic Console has not indexed yet: name and cluster only (the core-stack branch's `indexed: false`). */
export const notIndexedTopic: Topic = {
  name: 'payments.audit',
  cluster: 'prod-eu',
  labels: {},
  indexed: false,
};

/** A group an hour behind: an error at the default thresholds (the simulator's payments-refunds-worker). */
export const laggingGroup: ConsumerGroup = {
  name: 'payments-refunds-worker',
  cluster: 'prod-eu',
  indexed: true,
  state: 'Empty',
  members: 0,
  overallLag: 1530,
  maxLagSeconds: 3600,
  topics: ['payments.refunds'],
};

/** `count` topics named `${prefix}-NN`, for paging, sorting and filtering. */
export function manyTopics(count: number, prefix = 'topic'): Topic[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i).padStart(2, '0')}`,
    cluster: i % 2 ? 'staging' : 'prod-eu',
    indexed: true,
    partitions: (i % 7) + 1,
    labels: {},
    sizeBytes: 1000 * (count - i),
  }));
}
