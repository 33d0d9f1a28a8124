import type { ConduktorError, ConduktorErrorKind, KafkaCluster } from '../api/types.js';

export const clusters: KafkaCluster[] = [
  {
    name: 'prod-eu',
    displayName: 'Production EU',
    bootstrapServers: 'b1:9092,b2:9092',
    color: '#E74C3C',
    icon: 'kafka',
    labels: { env: 'prod' },
    schemaRegistry: { type: 'ConfluentLike', url: 'https://sr:8081' },
  },
  {
    name: 'dev',
    displayName: 'Dev',
    bootstrapServers: 'localhost:9092',
    color: 'red;background:url(https://evil.example/x)',
    icon: null,
    labels: {},
    schemaRegistry: null,
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
