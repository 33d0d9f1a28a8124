import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { conduktorApiRef, type KafkaCluster } from '../api/types.js';

export type ClustersState =
  | { status: 'loading'; previous?: KafkaCluster[] }
  | { status: 'loaded'; clusters: KafkaCluster[]; updatedAt: Date }
  | { status: 'failed'; error: unknown };

/**
 * Loads the clusters and reloads on `refresh()`. Unmounting or refreshing aborts the
 * request in flight, so a slow answer never overwrites a newer one. Only results and
 * errors are kept in state, never the token.
 */
export function useClusters(): { state: ClustersState; refresh: () => void } {
  const api = useApi(conduktorApiRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ClustersState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState(prev => ({ status: 'loading', previous: prev.status === 'loaded' ? prev.clusters : undefined }));
    // The first load may use the core's short-lived cache; a refresh asks Console again.
    api.fetchClusters({ signal: controller.signal, refresh: attempt > 0 }).then(
      clusters => {
        if (!controller.signal.aborted) setState({ status: 'loaded', clusters, updatedAt: new Date() });
      },
      error => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const refresh = useCallback(() => setAttempt(n => n + 1), []);
  return { state, refresh };
}
