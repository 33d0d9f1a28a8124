import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { describe, expect, it, vi } from 'vitest';
import { conduktorApiRef, type EntityOverview } from '../api/types.js';
import { clusters, conduktorError, emptyOverview, entity, overview } from '../test/fixtures.js';
import { fakeApi, renderCard } from '../test/renderCard.js';
import { ConduktorCard } from './ConduktorCard.js';

describe('ConduktorCard', () => {
  it('passes the entity’s annotations to the core, shows progress, then every section', async () => {
    let resolve!: (value: EntityOverview) => void;
    const fetchEntityOverview = vi.fn(() => new Promise<EntityOverview>(r => (resolve = r)));
    await renderCard(fakeApi(fetchEntityOverview));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(fetchEntityOverview).toHaveBeenCalledWith(entity.metadata.annotations, expect.objectContaining({ refresh: false }));
    resolve(overview);
    expect(await screen.findByText('Production EU')).toBeInTheDocument();
    expect(screen.getByText('payments.orders')).toBeInTheDocument();
    expect(screen.getByText('prod-eu · payments.orders')).toBeInTheDocument(); // the group's cluster and topics
    expect(screen.getByText('12 × 3')).toBeInTheDocument();
    expect(screen.getByText('7 d')).toBeInTheDocument();
    expect(screen.getByText('700 MiB')).toBeInTheDocument();
    expect(screen.getByText('payments-processor')).toBeInTheDocument();
    expect(screen.getByText('Stable')).toBeInTheDocument();
    expect(screen.getByText('Payments')).toBeInTheDocument();
    expect(screen.getByTestId('conduktor-problems')).toHaveTextContent('ask your Conduktor administrator for access');
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();
  });

  it('links resources into Conduktor Console, only through http(s) links, and the header when configured', async () => {
    const config = mockApis.config({ data: { conduktor: { consoleUrl: 'https://console.example.com' } } });
    await renderInTestApp(
      <TestApiProvider apis={[[conduktorApiRef, fakeApi(async () => overview)], [configApiRef, config]]}>
        <EntityProvider entity={entity}>
          <ConduktorCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    // Backstage's Link names external links "…, Opens in a new window".
    const topic = await screen.findByRole('link', { name: /^payments\.orders/ });
    expect(topic).toHaveAttribute('href', 'https://console.example.com/console/prod-eu/topics/payments.orders');
    expect(screen.getByRole('link', { name: /^Production EU/ })).toHaveAttribute(
      'href',
      'https://console.example.com/console/prod-eu/topics',
    );
    expect(screen.getByRole('link', { name: /^Payments/ })).toHaveAttribute('href', 'https://console.example.com/applications/payments');
    // The group's link is not http(s): its name is plain text.
    expect(screen.getByText('payments-processor').closest('a')).toBeNull();
    expect(screen.getByRole('link', { name: /Open Conduktor Console/ })).toHaveAttribute('href', 'https://console.example.com/');
  });

  it('can show the missing-annotation state instead of the user’s clusters, by configuration', async () => {
    const fetchEntityOverview = vi.fn(async () => emptyOverview(false));
    const config = mockApis.config({ data: { conduktor: { showAllClustersWithoutAnnotation: false } } });
    const plain = { ...entity, metadata: { name: 'plain' } };
    await renderInTestApp(
      <TestApiProvider apis={[[conduktorApiRef, fakeApi(fetchEntityOverview)], [configApiRef, config]]}>
        <EntityProvider entity={plain}>
          <ConduktorCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText(/conduktor\.io\/application/)).toBeInTheDocument();
    expect(fetchEntityOverview).not.toHaveBeenCalled();
  });

  it('paints only hex colours', async () => {
    await renderCard(fakeApi(async () => ({ ...emptyOverview(false), clusters })));
    await screen.findByText('Dev');
    const chips = screen.getAllByTestId('cluster-colour');
    expect(chips).toHaveLength(1);
    expect(chips[0].getAttribute('style')).toContain('background-color');
    expect(document.body.innerHTML).not.toContain('evil.example');
  });

  it('says when RBAC leaves nothing to show, for annotated and plain entities', async () => {
    await renderCard(fakeApi(async () => emptyOverview(false)));
    expect(await screen.findByTestId('conduktor-empty')).toHaveTextContent(/no Kafka cluster.*ask your Conduktor administrator/i);
  });

  it('explains a proxy rejection with the block to add', async () => {
    const error = conduktorError('proxy-rejected', 'the Backstage proxy rejected the request', 401);
    await renderCard(fakeApi(async () => Promise.reject(error)));
    const panel = await screen.findByTestId('conduktor-error-proxy-rejected');
    expect(panel).toHaveTextContent('The Backstage proxy blocked the request to Conduktor');
    await waitFor(() => expect(panel).toHaveTextContent('dangerously-allow-unauthenticated'));
  });

  it('explains an expired token and recovers after signing in again', async () => {
    const expired = Object.assign(conduktorError('unauthorized', 'Conduktor Console did not accept your sign-in token', 401), {
      tokenReport: {
        algorithm: 'RS256', issuer: 'https://idp.example.com', audience: [], expiresAt: 1000, expired: true,
        hasEmailClaim: false, hasGroupsClaim: true, groups: [],
      },
    });
    const fetchEntityOverview = vi.fn().mockRejectedValueOnce(expired).mockResolvedValueOnce(overview);
    const signIn = vi.fn(async () => {});
    await renderCard(fakeApi(fetchEntityOverview, signIn));
    const reasons = await screen.findByTestId('conduktor-unauthorized-reasons');
    expect(reasons).toHaveTextContent(/expired/);
    expect(reasons).toHaveTextContent(/no email claim/);
    expect(reasons).toHaveTextContent('https://idp.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByText('Production EU')).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('offers a retry after a transient failure, and the retry recovers', async () => {
    const fetchEntityOverview = vi
      .fn()
      .mockRejectedValueOnce(conduktorError('network', 'could not reach the proxy'))
      .mockResolvedValueOnce(overview);
    await renderCard(fakeApi(fetchEntityOverview));
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Production EU')).toBeInTheDocument();
    expect(fetchEntityOverview).toHaveBeenCalledTimes(2);
  });

  it('refreshes on demand, bypassing the core’s cache, and aborts the request it replaces', async () => {
    const signals: AbortSignal[] = [];
    const fetchEntityOverview = vi.fn(async (_annotations: unknown, options?: { signal?: AbortSignal }) => {
      signals.push(options!.signal!);
      return overview;
    });
    await renderCard(fakeApi(fetchEntityOverview));
    await screen.findByText('Production EU');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fetchEntityOverview).toHaveBeenCalledTimes(2));
    expect(signals[0].aborted).toBe(true);
    expect(fetchEntityOverview).toHaveBeenNthCalledWith(2, expect.anything(), expect.objectContaining({ refresh: true }));
  });

  it('shows errors that are not the core’s in a generic panel', async () => {
    await renderCard(fakeApi(async () => Promise.reject(new Error('The Conduktor card has no sign-in to forward'))));
    expect((await screen.findAllByText(/no sign-in to forward/)).length).toBeGreaterThan(0);
  });
});
