import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntityOverview, Topic } from '../api/types.js';
import { clusters, conduktorError, overview } from '../test/fixtures.js';
import { fakeApi, renderCard, renderOnEntity } from '../test/renderCard.js';
import { ConduktorContent } from './ConduktorContent.js';

// Issue 8, rendering safety: whatever Console (or a compromised proxy) sends, the card
// shows it as text, paints only hex colours and links only over http(s).

const MARKUP = '<img src=x onerror="window.__pwned=1">';

const api = (result: EntityOverview | Error) =>
  fakeApi(async () => {
    if (result instanceof Error) throw result;
    return result;
  });

/** The Kafka tab: every row and column the card has and more. */
const renderTab = (result: EntityOverview | Error) =>
  renderOnEntity(<ConduktorContent />, api(result));

async function selectTab(name: RegExp) {
  const tab = await screen.findByRole('tab', { name });
  fireEvent.click(tab);
  await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
}

function expectNoInjectedElements() {
  expect(
    document.querySelector('img, script, iframe, [onerror], [onclick]'),
  ).toBeNull();
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
}

const topic = (name: string, consoleLink?: string): Topic => ({
  ...overview.topics[0],
  name,
  consoleLink,
});

describe('rendering safety', () => {
  it('renders markup in every name, label and message as text', async () => {
    const m = (what: string) => `${what} ${MARKUP}`;
    const result: EntityOverview = {
      ...overview,
      clusters: [
        {
          ...clusters[0],
          displayName: m('cluster'),
          labels: { [m('key')]: m('value') },
          icon: MARKUP,
        },
      ],
      topics: [
        {
          ...overview.topics[0],
          name: m('topic'),
          ownerApplication: m('owner'),
          description: MARKUP,
          tags: [{ id: MARKUP, name: m('tag'), color: MARKUP }],
        } as Topic,
      ],
      consumerGroups: [
        {
          ...overview.consumerGroups[0],
          name: m('group'),
          state: m('state'),
          topics: [m('group-topic')],
        },
      ],
      applications: [
        {
          name: 'payments',
          application: {
            ...overview.applications[0].application!,
            title: m('title'),
            owner: m('app-owner'),
            description: m('description'),
          },
          instances: [
            {
              ...overview.applications[0].instances[0],
              name: m('instance'),
              serviceAccount: m('sa'),
            },
          ],
        },
      ],
      problems: [
        {
          ...overview.problems[0],
          message: m('problem'),
          resource: m('resource'),
        },
      ],
    };
    await renderCard(api(result));
    expect(await screen.findByText(m('topic'))).toBeInTheDocument();
    expect(screen.getByText(m('group'))).toBeInTheDocument();
    expect(screen.getByTestId('conduktor-applications')).toHaveTextContent(
      m('instance'),
    );
    expect(screen.getByTestId('conduktor-problems')).toHaveTextContent(
      m('problem'),
    );
    expectNoInjectedElements();
    cleanup();

    await renderTab(result);
    expect(await screen.findByText(m('topic'))).toBeInTheDocument();
    expect(screen.getByText(m('tag'))).toBeInTheDocument();
    expect(screen.getByTestId('conduktor-problems')).toHaveTextContent(
      `${m('resource')}: ${m('problem')}`,
    );
    expect(document.body.innerHTML).toContain('&lt;img src=x onerror=');
    expectNoInjectedElements();
    await selectTab(/^Consumer groups/);
    expect(screen.getByText(m('group-topic'))).toBeInTheDocument();
    expect(screen.getByText(m('state'))).toBeInTheDocument();
    await selectTab(/^Applications/);
    for (const text of [m('title'), m('instance'), m('sa')])
      expect(screen.getByText(text)).toBeInTheDocument();
    await selectTab(/^Clusters/);
    expect(screen.getByText(m('cluster'))).toBeInTheDocument();
    expect(screen.getByText(`${m('key')}: ${m('value')}`)).toBeInTheDocument();
    expectNoInjectedElements();
  });

  it('renders markup in an error message as text', async () => {
    await renderCard(
      api(conduktorError('server', `Console failed ${MARKUP}`, 502)),
    );
    expect(
      await screen.findByText(
        new RegExp(`Console failed ${MARKUP.replace(/[()]/g, '\\$&')}`),
      ),
    ).toBeInTheDocument();
    expectNoInjectedElements();
  });

  it('paints hex colours only, whatever else a cluster says', async () => {
    const hostile = [
      'red',
      'rgb(0,0,0)',
      'var(--x)',
      'url(javascript:alert(1))',
      'expression(alert(1))',
      '#fff;background:url(https://evil.example/x)',
      '#fff }',
      ' #fff',
      '#ggg',
      '#12345',
      '',
    ];
    const hex = ['#abc', '#ABCD', '#a1b2c3', '#A1B2C3D4'];
    const painted = [...hostile, ...hex].map((color, i) => ({
      ...clusters[0],
      name: `c${i}`,
      displayName: `Cluster ${i}`,
      color,
    }));
    const tagged = {
      ...overview.topics[0],
      tags: [...hostile, ...hex].map((color, i) => ({
        id: `t${i}`,
        name: `tag ${i}`,
        color,
      })),
    } as Topic;
    await renderTab({ ...overview, clusters: painted, topics: [tagged] });
    await screen.findByText('tag 0');
    const swatches = () => screen.getAllByTestId('colour-swatch');
    expect(swatches()).toHaveLength(hex.length);
    await selectTab(/^Clusters/);
    await screen.findByText('Cluster 0');
    expect(swatches()).toHaveLength(hex.length);
    for (const swatch of swatches())
      expect(swatch.getAttribute('style')).toMatch(/background-color: (#|rgb)/);
    expect(document.body.innerHTML).not.toMatch(
      /evil\.example|expression\(|url\(/,
    );
  });

  it('links only over http(s), never through script, data or relative URLs', async () => {
    const hostile = [
      /* eslint-disable no-script-url -- the hostile links this test must see refused */
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      /* eslint-enable no-script-url */
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://console.example.com/x',
      '//evil.example.com/x',
      '/relative/path',
    ];
    await renderTab({
      ...overview,
      topics: [
        topic(
          'fine',
          'https://console.example.com/console/prod-eu/topics/fine',
        ),
        ...hostile.map((link, i) => topic(`hostile-${i}`, link)),
      ],
    });
    expect(await screen.findByText('hostile-0')).toBeInTheDocument();
    for (let i = 0; i < hostile.length; i++)
      expect(screen.getByText(`hostile-${i}`).closest('a')).toBeNull();
    expect(screen.getByText('fine').closest('a')).toHaveAttribute(
      'href',
      'https://console.example.com/console/prod-eu/topics/fine',
    );
    for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
      expect(anchor.getAttribute('href')).toMatch(/^(https?:\/\/|\/)/);
      expect(anchor.getAttribute('href')).not.toMatch(/^\/\//);
    }
  });
});
