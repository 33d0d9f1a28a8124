import { describe, expect, it } from 'vitest';
import type { Entity } from '@backstage/catalog-model';
import { isConduktorAvailable } from './constants.js';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
});

describe('isConduktorAvailable', () => {
  it('is true only when a Conduktor annotation has a value', () => {
    expect(
      isConduktorAvailable(entity({ 'conduktor.io/topics': 'prod-eu/orders' })),
    ).toBe(true);
    expect(
      isConduktorAvailable(entity({ 'conduktor.io/application': 'payments' })),
    ).toBe(true);
    expect(isConduktorAvailable(entity({ 'conduktor.io/topics': '  ' }))).toBe(
      false,
    );
    expect(
      isConduktorAvailable(
        entity({ 'kafka.apache.org/consumer-groups': 'a/b' }),
      ),
    ).toBe(false);
    expect(isConduktorAvailable(entity())).toBe(false);
  });
});
