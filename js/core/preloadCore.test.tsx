import { screen, waitFor } from '@testing-library/react';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { overview } from '../test/fixtures.js';
import { fakeApi, renderOnEntity } from '../test/renderCard.js';

// The wasm core is not loaded in these tests: what matters is that the card's and the
// tab's loaders start loading it beside their own chunks, before the card mounts.
const { preloadCore } = vi.hoisted(() => ({ preloadCore: vi.fn() }));
vi.mock('./loadCore.js', async importOriginal => ({
  ...(await importOriginal<object>()),
  preloadCore,
}));

const { conduktorEntityCard, conduktorEntityContent } = await import(
  '../alpha.js'
);
const { EntityConduktorCard, EntityConduktorContent } = await import(
  '../plugin.js'
);

describe('the loaders start loading the wasm core', () => {
  it.each([
    [
      'the card (new frontend system)',
      () => createExtensionTester(conduktorEntityCard).reactElement(),
    ],
    [
      'the Kafka tab (new frontend system)',
      () => createExtensionTester(conduktorEntityContent).reactElement(),
    ],
    ['the card (legacy)', () => <EntityConduktorCard />],
    [
      'the Kafka tab (legacy)',
      () => (
        <Routes>
          <Route path="/*" element={<EntityConduktorContent />} />
        </Routes>
      ),
    ],
  ])('%s', async (_name, element) => {
    preloadCore.mockClear();
    await renderOnEntity(
      element(),
      fakeApi(async () => overview),
    );
    await waitFor(() => expect(preloadCore).toHaveBeenCalledTimes(1));
    // Still the card or the tab as before: it renders what the API gives.
    expect(
      (await screen.findAllByText('payments.orders')).length,
    ).toBeGreaterThan(0);
  });
});
