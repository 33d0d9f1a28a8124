import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntityOverview, Topic } from '../api/types.js';
import { clusters, conduktorError, overview } from '../test/fixtures.js';
import { fakeApi, renderCard } from '../test/renderCard.js';

// Issue 8, rendering safety: whatever Console (or a compromised proxy) sends, the card
// shows it as text, paints only hex colours and links only over http(s).

const MARKUP = '<img src=x onerror="window.__pwned=1">';

function renderWith(result: EntityOverview | Error) {
  return renderCard(
    fakeApi(async () => {
      if (result instanceof Error) throw result;
      return result;
    }),
  );
}

function expectNoInjectedElements() {
  expect(document.querySelector('img, script, iframe, [onerror], [onclick]')).toBeNull();
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
}

const topic = (name: string, consoleLink?: string): Topic => ({ ...overview.topics[0], name, consoleLink });

describe('rendering safety', () => {
  it('renders markup in every name, label and message as text', async () => {
    const m = (what: string) => `${what} ${MARKUP}`;
    await renderWith({
      ...overview,
      clusters: [{ ...clusters[0], displayName: m('cluster'), labels: { [m('key')]: m('value') }, icon: MARKUP }],
      topics: [{ ...overview.topics[0], name: m('topic'), ownerApplication: m('owner'), description: MARKUP }],
      consumerGroups: [{ ...overview.consumerGroups[0], name: m('group'), state: m('state'), topics: [m('group-topic')] }],
      applications: [
        {
          name: 'payments',
          application: { ...overview.applications[0].application!, title: m('title'), owner: m('app-owner'), description: m('description') },
          instances: [{ ...overview.applications[0].instances[0], name: m('instance'), serviceAccount: m('sa') }],
        },
      ],
      problems: [{ ...overview.problems[0], message: m('problem') }],
    });
    expect(await screen.findByText(m('cluster'))).toBeInTheDocument();
    for (const text of [m('topic'), m('group'), m('title')]) expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText(`${m('key')}: ${m('value')}`)).toBeInTheDocument();
    expect(screen.getByTestId('conduktor-problems')).toHaveTextContent(m('problem'));
    expect(screen.getByTestId('conduktor-applications')).toHaveTextContent(m('instance'));
    expect(document.body.innerHTML).toContain('&lt;img src=x onerror=');
    expectNoInjectedElements();
  });

  it('renders markup in an error message as text', async () => {
    await renderWith(conduktorError('server', `Console failed ${MARKUP}`, 502));
    expect(await screen.findByText(new RegExp(`Console failed ${MARKUP.replace(/[()]/g, '\\$&')}`))).toBeInTheDocument();
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
    // Tables page at 10 rows: two hex colours beside each batch of hostile ones.
    for (const batch of [[...hostile.slice(0, 6), ...hex.slice(0, 2)], [...hostile.slice(6), ...hex.slice(2)]]) {
      const painted = batch.map((color, i) => ({ ...clusters[0], name: `c${i}`, displayName: `Cluster ${i}`, color }));
      await renderWith({ ...overview, clusters: painted });
      await screen.findByText('Cluster 0');
      const chips = screen.getAllByTestId('cluster-colour');
      expect(chips).toHaveLength(2);
      for (const chip of chips) expect(chip.getAttribute('style')).toMatch(/background-color: (#|rgb)/);
      expect(document.body.innerHTML).not.toMatch(/evil\.example|expression\(|url\(/);
      cleanup();
    }
  });

  it('links only over http(s), never through script, data or relative URLs', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://console.example.com/x',
      '//evil.example.com/x',
      '/relative/path',
    ];
    await renderWith({
      ...overview,
      // Ten rows: the table pages beyond that.
      topics: [topic('fine', 'https://console.example.com/console/prod-eu/topics/fine'), ...hostile.slice(0, 9).map((link, i) => topic(`hostile-${i}`, link))],
    });
    expect(await screen.findByText('hostile-0')).toBeInTheDocument();
    for (let i = 0; i < 9; i++) expect(screen.getByText(`hostile-${i}`).closest('a')).toBeNull();
    expect(screen.getByText('fine').closest('a')).toHaveAttribute('href', 'https://console.example.com/console/prod-eu/topics/fine');
    for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
      expect(anchor.getAttribute('href')).toMatch(/^(https?:\/\/|\/)/);
      expect(anchor.getAttribute('href')).not.toMatch(/^\/\//);
    }
  });
});
