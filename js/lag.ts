import type { ConfigApi } from '@backstage/core-plugin-api';
import type { ConsumerGroup } from './api/types.js';
import { formatCount, formatDuration } from './format.js';

/** How far behind a consumer group may fall before the card warns, then alarms. */
export interface LagThresholds {
  warnAfterSeconds: number;
  errorAfterSeconds: number;
}

export const DEFAULT_LAG_THRESHOLDS: LagThresholds = {
  warnAfterSeconds: 60,
  errorAfterSeconds: 600,
};

/**
 * `conduktor.lag.warnAfterSeconds` and `.errorAfterSeconds`. Throws on values that
 * cannot be meant (negative, or an error threshold below the warning one), so a typo
 * shows as a configuration error instead of silently wrong health.
 */
export function readLagThresholds(
  config: Pick<ConfigApi, 'getOptionalNumber'>,
): LagThresholds {
  const warn =
    config.getOptionalNumber('conduktor.lag.warnAfterSeconds') ??
    DEFAULT_LAG_THRESHOLDS.warnAfterSeconds;
  const error =
    config.getOptionalNumber('conduktor.lag.errorAfterSeconds') ??
    Math.max(warn, DEFAULT_LAG_THRESHOLDS.errorAfterSeconds);
  for (const [key, value] of [
    ['warnAfterSeconds', warn],
    ['errorAfterSeconds', error],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(
        `conduktor.lag.${key} must be a number of seconds, 0 or more (it is ${value})`,
      );
    }
  }
  if (error < warn) {
    throw new Error(
      `conduktor.lag.errorAfterSeconds (${error}) must not be below conduktor.lag.warnAfterSeconds (${warn})`,
    );
  }
  return { warnAfterSeconds: warn, errorAfterSeconds: error };
}

/** Worst first, so sorting by health puts the groups that need attention on top. */
export const LAG_STATUSES = ['error', 'warning', 'unknown', 'ok'] as const;
export type LagStatus = (typeof LAG_STATUSES)[number];

export interface LagHealth {
  status: LagStatus;
  /** Short, for a table cell or the header: never colour alone. */
  label: string;
  /** One sentence, for a tooltip or a screen reader. */
  description: string;
}

/**
 * A consumer group's health from Console's `maxLagTimeInSeconds` (how old the oldest
 * unconsumed record is) and `overallLag` (records behind). Time decides, since a
 * record count means nothing without the topic's rate; no records behind is healthy
 * whatever the time says.
 */
export function lagHealth(
  group: ConsumerGroup,
  thresholds: LagThresholds,
): LagHealth {
  if (!group.indexed) {
    return {
      status: 'unknown',
      label: 'Not indexed yet',
      description:
        'Conduktor has not indexed this consumer group yet, so its lag is unknown.',
    };
  }
  const { overallLag, maxLagSeconds } = group;
  const behind =
    overallLag !== undefined
      ? `${formatCount(overallLag)} records behind`
      : 'records behind unknown';
  if (overallLag === 0) {
    return {
      status: 'ok',
      label: 'No lag',
      description: 'The group has consumed every record.',
    };
  }
  if (maxLagSeconds === undefined) {
    return {
      status: 'unknown',
      label:
        overallLag === undefined
          ? 'Lag unknown'
          : `${formatCount(overallLag)} behind`,
      description: `Conduktor reports no lag time for this group (${behind}).`,
    };
  }
  const time = formatDuration(maxLagSeconds);
  if (maxLagSeconds >= thresholds.errorAfterSeconds) {
    return {
      status: 'error',
      label: `Lagging ${time}`,
      description: `Lagging ${time} (${behind}): at least ${formatDuration(
        thresholds.errorAfterSeconds,
      )} is an error.`,
    };
  }
  if (maxLagSeconds >= thresholds.warnAfterSeconds) {
    return {
      status: 'warning',
      label: `Behind ${time}`,
      description: `Behind ${time} (${behind}): at least ${formatDuration(
        thresholds.warnAfterSeconds,
      )} is a warning.`,
    };
  }
  return {
    status: 'ok',
    label: `OK (${time})`,
    description: `Within ${time} of the newest record (${behind}).`,
  };
}

/** The group that needs attention most: worst status, then the longest lag. */
export function worstLag(
  groups: ConsumerGroup[],
  thresholds: LagThresholds,
): { group: ConsumerGroup; health: LagHealth } | undefined {
  let worst: { group: ConsumerGroup; health: LagHealth } | undefined;
  for (const group of groups) {
    const health = lagHealth(group, thresholds);
    if (!worst || compareLag({ group, health }, worst) < 0)
      worst = { group, health };
  }
  return worst;
}

/** Orders groups worst first: by status, then by lag time, then by records behind. */
export function compareLag(
  a: { group: ConsumerGroup; health: LagHealth },
  b: { group: ConsumerGroup; health: LagHealth },
): number {
  return (
    LAG_STATUSES.indexOf(a.health.status) -
      LAG_STATUSES.indexOf(b.health.status) ||
    (b.group.maxLagSeconds ?? -1) - (a.group.maxLagSeconds ?? -1) ||
    (b.group.overallLag ?? -1) - (a.group.overallLag ?? -1)
  );
}
