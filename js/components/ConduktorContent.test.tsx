import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EntityOverview } from '../api/types.js';
import {
  clusters,
  emptyOverview,
  entity,
  laggingGroup,
  manyTopics,
  notIndexedTopic,
  overview,
} from '../test/fixtures.js';
import { fakeApi, renderOnEntity } from '../test/renderCard.js';
import { ConduktorContent } from './ConduktorContent.js';

const renderTab = (
  result: EntityOverview,
  options?: Parameters<typeof renderOnEntity>[2],
) =>
  renderOnEntity(
    <ConduktorContent />,
    fakeApi(async () => result),
    options,
  );

/** The first cell of each body row of a table section. */
const firstCells = (section: HTMLElement) =>
  within(section)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('rowheader')[0].textContent);

const selectTab = async (name: RegExp) => {
  const tab = screen.getByRole('tab', { name });
  fireEvent.mouseDown(tab);
  fireEvent.mouseUp(tab);
  fireEvent.click(tab);
  await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
};

describe('the Kafka tab', () => {
  it('shows every topic with all its columns, tags as text with a hex swatch, and unindexed topics without metrics', async () => {
    await renderTab({
      ...overview,
      topics: [...overview.topics, notIndexedTopic],
    });
    const topics = await screen.findByTestId('conduktor-topics');
    const headers = within(topics)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Topic',
      'Partitions',
      'Replication',
      'Retention',
      'Cleanup policy',
      'Min ISR',
      'Records',
      'Size',
      'Produce rate',
      'Last activity',
      'Tags',
      'Application',
    ]);
    const [audit, orders] = within(topics).getAllByRole('row').slice(1);
    for (const text of [
      '12',
      '3',
      '7 d',
      'delete',
      '2',
      '1.3M',
      '700 MiB',
      '120/s',
      'pii',
      'gold',
      'payments',
    ]) {
      expect(within(orders).getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(
      within(orders).getByRole('grid', { name: 'Tags of payments.orders' }),
    ).toBeInTheDocument();
    expect(within(orders).getAllByTestId('colour-swatch')).toHaveLength(1);
    expect(
      within(audit).getByText('prod-eu · not indexed yet'),
    ).toBeInTheDocument();
    expect(within(audit).getAllByText('—').length).toBeGreaterThanOrEqual(9);
  });

  it('sorts by a column, both ways, keeping missing values last', async () => {
    await renderTab({
      ...overview,
      topics: [...manyTopics(3), notIndexedTopic],
    });
    const topics = await screen.findByTestId('conduktor-topics');
    expect(firstCells(topics)).toEqual([
      expect.stringMatching(/^payments\.audit/),
      expect.stringMatching(/^topic-00/),
      expect.stringMatching(/^topic-01/),
      expect.stringMatching(/^topic-02/),
    ]);
    const size = within(topics).getByRole('columnheader', { name: /Size/ });
    fireEvent.click(size);
    await waitFor(() => expect(size).toHaveAttribute('aria-sort', 'ascending'));
    expect(firstCells(topics).map(t => t?.slice(0, 8))).toEqual([
      'topic-02',
      'topic-01',
      'topic-00',
      'payments',
    ]);
    fireEvent.click(size);
    await waitFor(() =>
      expect(size).toHaveAttribute('aria-sort', 'descending'),
    );
    expect(firstCells(topics).map(t => t?.slice(0, 8))).toEqual([
      'topic-00',
      'topic-01',
      'topic-02',
      'payments',
    ]);
  });

  it('filters and pages', async () => {
    await renderTab({ ...overview, topics: manyTopics(25) });
    const topics = await screen.findByTestId('conduktor-topics');
    expect(within(topics).getAllByRole('row')).toHaveLength(21);
    fireEvent.click(within(topics).getByRole('button', { name: /next/i }));
    await waitFor(() => expect(firstCells(topics)[0]).toMatch(/^topic-20/));
    const filter = within(topics).getByRole('searchbox', {
      name: 'Filter topics',
    });
    fireEvent.change(filter, { target: { value: 'topic-1' } });
    await waitFor(() => expect(firstCells(topics)).toHaveLength(10));
    fireEvent.change(filter, { target: { value: 'nothing-like-it' } });
    expect(
      await within(topics).findByText('No topics match the filter.'),
    ).toBeInTheDocument();
  });

  it('lists consumer groups worst lag first with their health in words, and application instances with their pattern types', async () => {
    await renderTab({
      ...overview,
      consumerGroups: [...overview.consumerGroups, laggingGroup],
    });
    await screen.findByTestId('conduktor-topics');
    await selectTab(/Consumer groups \(2\)/);
    const groups = screen.getByTestId('conduktor-consumer-groups');
    expect(firstCells(groups)).toEqual([
      expect.stringMatching(/^payments-refunds-worker/),
      expect.stringMatching(/^payments-processor/),
    ]);
    expect(within(groups).getAllByRole('row')[1]).toHaveTextContent(
      /Error: Lagging 1 h.*Empty.*0.*1,530.*1 h.*payments\.refunds/,
    );
    await selectTab(/Applications \(1 instance\)/);
    const instances = screen.getByTestId('conduktor-application-instances');
    expect(instances).toHaveTextContent('topic payments.* (prefixed)');
    expect(instances).toHaveTextContent('sa-payments-prod');
    await selectTab(/Clusters \(1\)/);
    expect(screen.getByTestId('conduktor-clusters')).toHaveTextContent(
      'b1:9092',
    );
  });

  it('shows only the no-access summary when Console refuses everything', async () => {
    const problems = [
      {
        kind: 'forbidden' as const,
        message: 'no',
        cluster: 'prod-eu',
        resource: 'topics payments.*',
      },
    ];
    await renderTab({ ...emptyOverview(true), problems });
    expect(await screen.findByTestId('conduktor-no-access')).toHaveTextContent(
      'prod-eu (topics payments.*)',
    );
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('shows the problems expanded, by cluster', async () => {
    await renderTab({ ...overview, clusters });
    const panel = await screen.findByTestId('conduktor-problems');
    const trigger = within(panel).getByRole('button', {
      name: /Cluster staging/,
    });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
  });

  it('asks for the annotations on an entity without them, and loads nothing', async () => {
    const fetchEntityOverview = vi.fn(async () => overview);
    await renderOnEntity(<ConduktorContent />, fakeApi(fetchEntityOverview), {
      entity: { ...entity, metadata: { name: 'plain' } },
    });
    expect(
      await screen.findByText(/conduktor\.io\/topics/),
    ).toBeInTheDocument();
    expect(fetchEntityOverview).not.toHaveBeenCalled();
  });
});
