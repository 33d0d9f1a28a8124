import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { safeConsoleLink } from '../format.js';
import {
  DEFAULT_LAG_THRESHOLDS,
  readLagThresholds,
  type LagThresholds,
} from '../lag.js';

export interface ConduktorSettings {
  /** Console's address, only when it is a plain http(s) URL. */
  consoleUrl?: string;
  showAllClustersWithoutAnnotation: boolean;
  lagThresholds: LagThresholds;
  /** A configuration mistake to show; the defaults apply meanwhile. */
  configError?: string;
}

/** The card's and the tab's frontend configuration (config.d.ts), read once per render of the app config. */
export function useConduktorSettings(): ConduktorSettings {
  const config = useApi(configApiRef);
  return useMemo(() => {
    let lagThresholds = DEFAULT_LAG_THRESHOLDS;
    let configError: string | undefined;
    try {
      lagThresholds = readLagThresholds(config);
    } catch (error) {
      configError = error instanceof Error ? error.message : String(error);
    }
    return {
      consoleUrl: safeConsoleLink(
        config.getOptionalString('conduktor.consoleUrl'),
      ),
      showAllClustersWithoutAnnotation:
        config.getOptionalBoolean(
          'conduktor.showAllClustersWithoutAnnotation',
        ) !== false,
      lagThresholds,
      configError,
    };
  }, [config]);
}
