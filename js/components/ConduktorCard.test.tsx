import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { conduktorApiRef, type ConduktorApi } from '../api/types.js';
import { clusters, conduktorError } from '../test/fixtures.js';
import { ConduktorCard } from './ConduktorCard.js';

function renderCard(api: ConduktorApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[conduktorApiRef, api]]}>
      <ConduktorCard />
    </TestApiProvider>,
  );
}

describe('ConduktorCard', () => {
  it('shows progress, then the clusters', async () => {
    let resolve!: (value: typeof clusters) => void;
    const api: ConduktorApi = { fetchClusters: vi.fn(() => new Promise<typeof clusters>(r => (resolve = r))) };
    await renderCard(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve(clusters);
    expect(await screen.findByText('Production EU')).toBeInTheDocument();
    expect(screen.getByText('b2:9092')).toBeInTheDocument();
    expect(screen.getByText('env: prod')).toBeInTheDocument();
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();
  });

  it('paints only hex colours', async () => {
    await renderCard({ fetchClusters: async () => clusters });
    await screen.findByText('Dev');
    const chips = screen.getAllByTestId('cluster-colour');
    expect(chips).toHaveLength(1);
    expect(chips[0].getAttribute('style')).toContain('background-color');
    expect(document.body.innerHTML).not.toContain('evil.example');
  });

  it('says so when Conduktor shows nothing', async () => {
    await renderCard({ fetchClusters: async () => [] });
    expect(await screen.findByTestId('conduktor-empty')).toHaveTextContent(/ask your Conduktor administrator/i);
  });

  it('explains a proxy rejection with the block to add', async () => {
    const error = conduktorError('proxy-rejected', 'the Backstage proxy rejected the request', 401);
    await renderCard({ fetchClusters: async () => Promise.reject(error) });
    const panel = await screen.findByTestId('conduktor-error-proxy-rejected');
    expect(panel).toHaveTextContent('The Backstage proxy blocked the request to Conduktor');
    await waitFor(() => expect(panel).toHaveTextContent('dangerously-allow-unauthenticated'));
  });

  it('offers a retry after a transient failure, and the retry recovers', async () => {
    const fetchClusters = vi
      .fn()
      .mockRejectedValueOnce(conduktorError('network', 'could not reach the proxy'))
      .mockResolvedValueOnce(clusters);
    await renderCard({ fetchClusters });
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Production EU')).toBeInTheDocument();
    expect(fetchClusters).toHaveBeenCalledTimes(2);
  });

  it('refreshes on demand and aborts the request it replaces', async () => {
    const signals: AbortSignal[] = [];
    const fetchClusters = vi.fn(async (options?: { signal?: AbortSignal }) => {
      signals.push(options!.signal!);
      return clusters;
    });
    await renderCard({ fetchClusters });
    await screen.findByText('Production EU');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fetchClusters).toHaveBeenCalledTimes(2));
    expect(signals[0].aborted).toBe(true);
    expect(fetchClusters).toHaveBeenNthCalledWith(1, expect.objectContaining({ refresh: false }));
    expect(fetchClusters).toHaveBeenNthCalledWith(2, expect.objectContaining({ refresh: true }));
  });

  it('shows errors that are not the core’s in a generic panel', async () => {
    await renderCard({ fetchClusters: async () => Promise.reject(new Error('The Conduktor card has no sign-in to forward')) });
    expect((await screen.findAllByText(/no sign-in to forward/)).length).toBeGreaterThan(0);
  });
});
