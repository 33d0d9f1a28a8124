import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { describe, expect, it } from 'vitest';
import plugin, {
  conduktorEntityCard,
  conduktorEntityContent,
} from './alpha.js';

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
};
const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments' },
};

describe('new frontend system', () => {
  it('offers the card as a content card on component overviews', () => {
    const tester = createExtensionTester(conduktorEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(component)).toBe(true);
    expect(filter?.(group)).toBe(false);
  });

  it('lets app-config change the card’s type and filter, as for any entity card', () => {
    const tester = createExtensionTester(conduktorEntityCard, {
      config: { type: 'info', filter: { kind: 'api' } },
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.({ ...component, kind: 'API' })).toBe(true);
    expect(filter?.(component)).toBe(false);
  });

  it('offers the Kafka tab at /kafka, only on entities with a Conduktor annotation', () => {
    const tester = createExtensionTester(conduktorEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Kafka');
    expect(tester.get(coreExtensionData.routePath)).toBe('/kafka');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    const annotated = {
      ...component,
      metadata: {
        name: 'payments-api',
        annotations: { 'conduktor.io/topics': 'prod-eu/payments.*' },
      },
    };
    expect(filter?.(annotated)).toBe(true);
    expect(filter?.(component)).toBe(false);
    expect(filter?.({ ...annotated, kind: 'API' })).toBe(true);
  });

  it('is the conduktor plugin, with the auth API apps override by its id', () => {
    expect(plugin.pluginId).toBe('conduktor');
    expect(plugin.getExtension('api:conduktor/auth')).toBeDefined();
    expect(plugin.getExtension('entity-card:conduktor/clusters')).toBeDefined();
    expect(plugin.getExtension('entity-content:conduktor/kafka')).toBeDefined();
  });
});
