import type { Entity } from '@backstage/catalog-model';
import type { ConduktorError, ConduktorErrorKind, EntityOverview, KafkaCluster } from '../api/types.js';

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
export function conduktorError(kind: ConduktorErrorKind, message: string, status?: number): ConduktorError {
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
      consoleLink: 'https://console.example.com/console/prod-eu/topics/payments.orders',
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
          resources: [{ type: 'TOPIC', name: 'payments.', patternType: 'PREFIXED', ownershipMode: 'ALL' }],
          labels: {},
        },
      ],
    },
  ],
  problems: [
    {
      kind: 'forbidden',
      status: 403,
      message: 'Conduktor Console does not allow you to see this (403); ask your Conduktor administrator for access',
      cluster: 'staging',
      resource: 'topics named like "payments.orders"',
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
  metadata: { name: 'payments-api', annotations: { 'conduktor.io/topics': 'prod-eu/payments.orders' } },
  spec: { type: 'service', owner: 'guests', lifecycle: 'production' },
};
