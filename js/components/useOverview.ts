import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { conduktorApiRef, type EntityOverview } from '../api/types.js';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'loaded'; overview: EntityOverview; updatedAt: Date }
  | { status: 'failed'; error: unknown };

/**
 * Loads the entity's overview and reloads it on `refresh()`. Unmounting or
 * refreshing aborts the request in flight, so a slow answer never overwrites a
 * newer one. Only results and errors are kept in state, never the token.
 */
export function useOverview(annotations: Record<string, string> | undefined): {
  state: OverviewState;
  refresh: () => void;
} {
  const api = useApi(conduktorApiRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  // Re-run only when the annotations' content changes, not on every new object.
  const annotationsKey = JSON.stringify(annotations ?? {});

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    // The first load may use the core's short-lived cache; a refresh asks Console again.
    api
      .fetchEntityOverview(JSON.parse(annotationsKey), {
        signal: controller.signal,
        refresh: attempt > 0,
      })
      .then(
        overview => {
          if (!controller.signal.aborted)
            setState({ status: 'loaded', overview, updatedAt: new Date() });
        },
        error => {
          if (!controller.signal.aborted) setState({ status: 'failed', error });
        },
      );
    return () => controller.abort();
  }, [api, annotationsKey, attempt]);

  const refresh = useCallback(() => setAttempt(n => n + 1), []);
  return { state, refresh };
}
