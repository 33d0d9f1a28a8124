import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EntityOverview, Problem } from '../api/types.js';
import {
  clusters,
  conduktorError,
  emptyOverview,
  entity,
  laggingGroup,
  overview,
} from '../test/fixtures.js';
import { fakeApi, renderCard, renderOnEntity } from '../test/renderCard.js';
import { ConduktorCard } from './ConduktorCard.js';

const refused = (cluster: string, resource: string): Problem => ({
  kind: 'forbidden',
  status: 403,
  message:
    'Conduktor Console does not allow you to see this (403); ask your Conduktor administrator for access',
  cluster,
  resource,
});

const group = (name: string, maxLagSeconds: number) => ({
  ...laggingGroup,
  name,
  maxLagSeconds,
  overallLag: 10,
});

describe('ConduktorCard', () => {
  it('passes the entity’s annotations to the core, shows a placeholder, then the counts, the first rows and the link to the tab', async () => {
    let resolve!: (value: EntityOverview) => void;
    const fetchEntityOverview = vi.fn(
      () => new Promise<EntityOverview>(r => (resolve = r)),
    );
    await renderCard(fakeApi(fetchEntityOverview));
    expect(screen.getByTestId('conduktor-loading')).toHaveAttribute(
      'role',
      'status',
    );
    expect(fetchEntityOverview).toHaveBeenCalledWith(
      entity.metadata.annotations,
      expect.objectContaining({ refresh: false }),
    );
    resolve(overview);
    const headline = await screen.findByTestId('conduktor-headline');
    expect(headline).toHaveTextContent(
      '1 cluster · 1 topic · 1 consumer group · 1 application',
    );
    expect(headline).toHaveTextContent(
      'Worst lag: payments-processor, 2 s (42 records)',
    );
    const topics = screen.getByTestId('conduktor-topics');
    expect(within(topics).getByText('payments.orders')).toBeInTheDocument();
    expect(within(topics).getByText('12')).toBeInTheDocument();
    expect(within(topics).getByText('700 MiB')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('conduktor-consumer-groups')).getByText(
        'OK (2 s)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('conduktor-applications')).toHaveTextContent(
      'Paymentsowned by team-payments · payments-prod (prod-eu)',
    );
    expect(screen.getByTestId('conduktor-problems')).toHaveTextContent(
      'Not everything could be shown (staging)',
    );
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Everything in the Kafka tab/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api/kafka');
    expect(screen.getByRole('region', { name: 'Conduktor' })).toBe(
      screen.getByTestId('conduktor-card'),
    );
  });

  it('shows the first three of each kind, the worst-lagging groups first, and names the worst lag with its status in words', async () => {
    const groups = [
      group('fine', 1),
      group('slow', 120),
      laggingGroup,
      group('fine-2', 3),
      group('fine-3', 4),
      group('fine-4', 5),
      group('fine-5', 6),
    ];
    await renderCard(
      fakeApi(async () => ({ ...overview, consumerGroups: groups })),
    );
    const table = await screen.findByTestId('conduktor-consumer-groups');
    expect(within(table).getByRole('heading')).toHaveTextContent(
      'Consumer groups (3 of 7)',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('rowheader')[0].textContent),
    ).toEqual([
      expect.stringMatching(/^payments-refunds-worker/),
      expect.stringMatching(/^slow/),
      expect.stringMatching(/^fine-5/),
    ]);
    expect(
      rows[0].querySelector('[data-lag-status="error"]'),
    ).toHaveTextContent('Error: Lagging 1 h');
    expect(
      rows[1].querySelector('[data-lag-status="warning"]'),
    ).toHaveTextContent('Warning: Behind 2 min');
    const worst = screen.getByTestId('conduktor-worst-lag');
    expect(worst).toHaveTextContent(
      'Error: Worst lag: payments-refunds-worker, 1 h (1,530 records)',
    );
    expect(worst.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });

  it('grades lag by the configured thresholds, and says when they cannot be meant', async () => {
    await renderCard(
      fakeApi(async () => ({ ...overview, consumerGroups: [laggingGroup] })),
      {
        config: {
          conduktor: {
            lag: { warnAfterSeconds: 7200, errorAfterSeconds: 86400 },
          },
        },
      },
    );
    expect(await screen.findByText('OK (1 h)')).toBeInTheDocument();
  });

  it('shows a configuration mistake in the lag thresholds and grades with the defaults meanwhile', async () => {
    await renderCard(
      fakeApi(async () => ({ ...overview, consumerGroups: [laggingGroup] })),
      {
        config: {
          conduktor: { lag: { warnAfterSeconds: 600, errorAfterSeconds: 60 } },
        },
      },
    );
    expect(
      await screen.findByText(/errorAfterSeconds \(60\) must not be below/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Lagging 1 h/).length).toBeGreaterThan(0);
  });

  it('says once, naming each cluster and what was asked there, when Console refuses everything the entity names', async () => {
    const problems = [
      refused('prod-eu', 'topics payments.*'),
      refused('prod-eu', 'consumer group payments-processor'),
      refused('staging', 'topic payments.orders'),
      {
        kind: 'not-found' as const,
        message:
          'cluster prod-eu does not exist in Conduktor Console, or you may not see it',
        cluster: 'prod-eu',
        resource: 'cluster prod-eu',
      },
    ];
    await renderCard(
      fakeApi(async () => ({
        ...emptyOverview(true),
        applications: overview.applications,
        problems,
      })),
    );
    const summary = await screen.findByTestId('conduktor-no-access');
    expect(summary).toHaveTextContent(
      'You have no access in Conduktor to what payments-api uses: prod-eu (topics payments.*, consumer group payments-processor), staging (topic payments.orders). Ask your Conduktor administrator.',
    );
    expect(screen.queryByTestId('conduktor-problems')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryByTestId('conduktor-applications')).toBeNull();
    expect(screen.queryByTestId('conduktor-headline')).toBeNull();
    expect(screen.queryByRole('link', { name: /Kafka tab/ })).toBeNull();
    expect(
      document.body.textContent?.match(/does not allow you/g) ?? [],
    ).toHaveLength(0);
  });

  it('groups what did not load by cluster, collapsed, each sentence once with its resources', async () => {
    const problems = [
      refused('staging', 'topic payments.orders'),
      refused('staging', 'consumer group payments-processor'),
      refused('dev', 'topic x'),
    ];
    await renderCard(fakeApi(async () => ({ ...overview, problems })));
    const panel = await screen.findByTestId('conduktor-problems');
    expect(panel).toHaveTextContent(
      'Not everything could be shown (staging, dev)',
    );
    const staging = within(panel).getByRole('button', {
      name: /Cluster staging/,
    });
    expect(staging).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(staging);
    await waitFor(() =>
      expect(staging).toHaveAttribute('aria-expanded', 'true'),
    );
    const notes = document.getElementById(
      staging.getAttribute('aria-controls')!,
    )!;
    expect(notes).toHaveTextContent(
      'topic payments.orders, consumer group payments-processor: Conduktor Console does not allow you',
    );
    expect(notes.textContent?.match(/does not allow you/g)).toHaveLength(1);
    expect(
      within(panel).getByRole('button', { name: /Cluster dev/ }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('links resources into Conduktor Console, only through http(s) links, and the footer when configured', async () => {
    await renderCard(
      fakeApi(async () => overview),
      { config: { conduktor: { consoleUrl: 'https://console.example.com' } } },
    );
    const topic = await screen.findByRole('link', {
      name: /^payments\.orders/,
    });
    expect(topic).toHaveAttribute(
      'href',
      'https://console.example.com/console/prod-eu/topics/payments.orders',
    );
    expect(topic).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: /^Payments/ })).toHaveAttribute(
      'href',
      'https://console.example.com/applications/payments',
    );
    // The group's link is not http(s): its name is plain text.
    expect(screen.getByText('payments-processor').closest('a')).toBeNull();
    expect(
      screen.getByRole('link', { name: /Open Conduktor Console/ }),
    ).toHaveAttribute('href', 'https://console.example.com/');
  });

  it('links to no tab on an entity without annotations (it has none), or when the app says it has none', async () => {
    const plain = { ...entity, metadata: { name: 'plain' } };
    await renderOnEntity(
      <ConduktorCard />,
      fakeApi(async () => ({ ...emptyOverview(false), clusters })),
      { entity: plain },
    );
    expect(await screen.findByTestId('conduktor-clusters')).toHaveTextContent(
      'Production EU',
    );
    expect(screen.queryByRole('link', { name: /Kafka tab/ })).toBeNull();
  });

  it('links to no tab when told the app has none', async () => {
    await renderOnEntity(
      <ConduktorCard tabPath={false} />,
      fakeApi(async () => overview),
    );
    await screen.findByTestId('conduktor-headline');
    expect(screen.queryByRole('link', { name: /Kafka tab/ })).toBeNull();
  });

  it('can show the missing-annotation state instead of the user’s clusters, by configuration', async () => {
    const fetchEntityOverview = vi.fn(async () => emptyOverview(false));
    const plain = { ...entity, metadata: { name: 'plain' } };
    await renderCard(fakeApi(fetchEntityOverview), {
      entity: plain,
      config: { conduktor: { showAllClustersWithoutAnnotation: false } },
    });
    expect(
      await screen.findByText(/conduktor\.io\/application/),
    ).toBeInTheDocument();
    expect(fetchEntityOverview).not.toHaveBeenCalled();
  });

  it('says when RBAC leaves nothing to show', async () => {
    await renderCard(fakeApi(async () => emptyOverview(false)));
    expect(await screen.findByTestId('conduktor-empty')).toHaveTextContent(
      /no Kafka cluster.*ask your Conduktor administrator/i,
    );
  });

  it('explains a proxy rejection with the block to add', async () => {
    const error = conduktorError(
      'proxy-rejected',
      'the Backstage proxy rejected the request',
      401,
    );
    await renderCard(fakeApi(async () => Promise.reject(error)));
    const panel = await screen.findByTestId('conduktor-error-proxy-rejected');
    expect(panel).toHaveTextContent(
      'The Backstage proxy blocked the request to Conduktor',
    );
    expect(panel).toHaveTextContent('dangerously-allow-unauthenticated');
  });

  it('explains an expired token and recovers after signing in again', async () => {
    const expired = Object.assign(
      conduktorError(
        'unauthorized',
        'Conduktor Console did not accept your sign-in token',
        401,
      ),
      {
        tokenReport: {
          algorithm: 'RS256',
          issuer: 'https://idp.example.com',
          audience: [],
          expiresAt: 1000,
          expired: true,
          hasEmailClaim: false,
          hasGroupsClaim: true,
          groups: [],
        },
      },
    );
    const fetchEntityOverview = vi
      .fn()
      .mockRejectedValueOnce(expired)
      .mockResolvedValueOnce(overview);
    const signIn = vi.fn(async () => {});
    await renderCard(fakeApi(fetchEntityOverview, signIn));
    const reasons = await screen.findByTestId('conduktor-unauthorized-reasons');
    expect(reasons).toHaveTextContent(/expired/);
    expect(reasons).toHaveTextContent(/no email claim/);
    expect(reasons).toHaveTextContent('https://idp.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByTestId('conduktor-headline')).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('offers a retry after a transient failure, and the retry recovers', async () => {
    const fetchEntityOverview = vi
      .fn()
      .mockRejectedValueOnce(
        conduktorError('network', 'could not reach the proxy'),
      )
      .mockResolvedValueOnce(overview);
    await renderCard(fakeApi(fetchEntityOverview));
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('conduktor-headline')).toBeInTheDocument();
    expect(fetchEntityOverview).toHaveBeenCalledTimes(2);
  });

  it('refreshes on demand, bypassing the core’s cache, and aborts the request it replaces', async () => {
    const signals: AbortSignal[] = [];
    const fetchEntityOverview = vi.fn(
      async (_annotations: unknown, options?: { signal?: AbortSignal }) => {
        signals.push(options!.signal!);
        return overview;
      },
    );
    await renderCard(fakeApi(fetchEntityOverview));
    await screen.findByTestId('conduktor-headline');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fetchEntityOverview).toHaveBeenCalledTimes(2));
    expect(signals[0].aborted).toBe(true);
    expect(fetchEntityOverview).toHaveBeenNthCalledWith(
      2,
      expect.anything(),
      expect.objectContaining({ refresh: true }),
    );
  });

  it('shows errors that are not the core’s in a generic panel', async () => {
    await renderCard(
      fakeApi(async () =>
        Promise.reject(
          new Error('The Conduktor card has no sign-in to forward'),
        ),
      ),
    );
    expect(await screen.findByTestId('conduktor-error')).toHaveTextContent(
      /no sign-in to forward/,
    );
  });
});
