import { describe, expect, it } from 'vitest';
import type { ConsumerGroup } from './api/types.js';
import {
  DEFAULT_LAG_THRESHOLDS,
  lagHealth,
  readLagThresholds,
  worstLag,
} from './lag.js';

const group = (overrides: Partial<ConsumerGroup>): ConsumerGroup => ({
  name: 'g',
  cluster: 'prod-eu',
  indexed: true,
  topics: [],
  ...overrides,
});

const config = (values: Record<string, number | undefined>) => ({
  getOptionalNumber: (key: string) => values[key],
});

const thresholds = { warnAfterSeconds: 60, errorAfterSeconds: 600 };

describe('lag health', () => {
  it('grades by the oldest unconsumed record’s age, with the thresholds inclusive', () => {
    expect(
      lagHealth(group({ overallLag: 42, maxLagSeconds: 2 }), thresholds),
    ).toMatchObject({ status: 'ok', label: 'OK (2 s)' });
    expect(
      lagHealth(group({ overallLag: 42, maxLagSeconds: 60 }), thresholds),
    ).toMatchObject({ status: 'warning', label: 'Behind 1 min' });
    expect(
      lagHealth(group({ overallLag: 1530, maxLagSeconds: 3600 }), thresholds),
    ).toMatchObject({
      status: 'error',
      label: 'Lagging 1 h',
      description: expect.stringMatching(
        /1,530 records behind.*at least 10 min is an error/,
      ),
    });
  });

  it('is healthy with nothing behind, and unknown without a lag time or an index', () => {
    expect(
      lagHealth(group({ overallLag: 0, maxLagSeconds: 9_999 }), thresholds)
        .status,
    ).toBe('ok');
    expect(lagHealth(group({ overallLag: 5 }), thresholds)).toMatchObject({
      status: 'unknown',
      label: '5 behind',
    });
    expect(lagHealth(group({}), thresholds)).toMatchObject({
      status: 'unknown',
      label: 'Lag unknown',
    });
    expect(
      lagHealth(
        group({ indexed: false, overallLag: 1, maxLagSeconds: 9_999 }),
        thresholds,
      ),
    ).toMatchObject({
      status: 'unknown',
      label: 'Not indexed yet',
    });
  });

  it('names the group that needs attention most: worst status, then the longest lag', () => {
    const groups = [
      group({ name: 'fine', overallLag: 1, maxLagSeconds: 1 }),
      group({ name: 'slow', overallLag: 5, maxLagSeconds: 100 }),
      group({ name: 'stuck', overallLag: 1530, maxLagSeconds: 3600 }),
      group({ name: 'stuck-less', overallLag: 10, maxLagSeconds: 700 }),
      group({ name: 'unknown' }),
    ];
    expect(worstLag(groups, thresholds)?.group.name).toBe('stuck');
    expect(worstLag(groups.slice(0, 2), thresholds)?.group.name).toBe('slow');
    expect(worstLag([], thresholds)).toBeUndefined();
  });
});

describe('lag thresholds from app-config', () => {
  it('defaults, and keeps the error threshold at or above a raised warning one', () => {
    expect(readLagThresholds(config({}))).toEqual(DEFAULT_LAG_THRESHOLDS);
    expect(
      readLagThresholds(config({ 'conduktor.lag.warnAfterSeconds': 900 })),
    ).toEqual({ warnAfterSeconds: 900, errorAfterSeconds: 900 });
    expect(
      readLagThresholds(
        config({
          'conduktor.lag.warnAfterSeconds': 5,
          'conduktor.lag.errorAfterSeconds': 30,
        }),
      ),
    ).toEqual({
      warnAfterSeconds: 5,
      errorAfterSeconds: 30,
    });
  });

  it('refuses thresholds that cannot be meant, naming the key', () => {
    expect(() =>
      readLagThresholds(
        config({
          'conduktor.lag.warnAfterSeconds': 60,
          'conduktor.lag.errorAfterSeconds': 30,
        }),
      ),
    ).toThrow(
      /errorAfterSeconds \(30\) must not be below conduktor\.lag\.warnAfterSeconds \(60\)/,
    );
    expect(() =>
      readLagThresholds(config({ 'conduktor.lag.warnAfterSeconds': -1 })),
    ).toThrow(/warnAfterSeconds must be/);
  });
});
