import { useEffect, useState } from 'react';
import { discoveryApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Skeleton, Text } from '@backstage/ui';
import { conduktorAuthApiRef } from 'backstage-plugin-conduktor-card';
import { loadSeedOverview, parseAnnotations, seedView, type SeedAnswers } from './seedClient';

type State = { answers?: SeedAnswers; answered: number; done: boolean; failed?: boolean };

/**
 * The seed's card, for the time-to-card measurement only: the same token and proxy
 * base as the plugin's card, the same requests, `fetch` + `response.json()`, and a
 * redraw as each answer arrives. `data-ttc` marks what the measurement waits for:
 * `skeleton` while nothing has answered, `data` once something has, and the root's
 * `data-ttc-state="complete"` once every round is done (`data-ttc-failed` if a request failed).
 */
export function SeedCard() {
  const { entity } = useEntity();
  const auth = useApi(conduktorAuthApiRef);
  const discovery = useApi(discoveryApiRef);
  const [state, setState] = useState<State>({ answered: 0, done: false });
  const annotationsKey = JSON.stringify(entity.metadata.annotations ?? {});

  useEffect(() => {
    const controller = new AbortController();
    setState({ answered: 0, done: false });
    const refs = parseAnnotations(JSON.parse(annotationsKey));
    Promise.all([auth.getIdToken(), discovery.getBaseUrl('proxy')])
      .then(([token, proxyBase]) =>
        loadSeedOverview({ token, base: `${proxyBase}/conduktor`, signal: controller.signal }, refs, answers => {
          if (!controller.signal.aborted) setState(s => ({ answers, answered: s.answered + 1, done: false }));
        }),
      )
      .then(
        answers => !controller.signal.aborted && setState(s => ({ ...s, answers, done: true })),
        () => !controller.signal.aborted && setState(s => ({ ...s, done: true, failed: true })),
      );
    return () => controller.abort();
  }, [auth, discovery, annotationsKey]);

  const refs = parseAnnotations(entity.metadata.annotations);
  const view = state.answers ? seedView(refs, state.answers) : undefined;
  return (
    <Card
      data-testid="ttc-seed-card"
      data-ttc-state={state.done ? 'complete' : 'loading'}
      data-ttc-failed={state.failed || (state.answers?.failures ?? 0) > 0 ? '' : undefined}
    >
      <CardHeader>
        <Text as="h3" variant="title-x-small" weight="bold">
          Conduktor (seed: fetch + response.json())
        </Text>
      </CardHeader>
      <CardBody>
        {!view ? (
          <Flex direction="column" gap="2" data-ttc="skeleton">
            {[0, 1, 2, 3].map(i => (
              <Skeleton key={i} width={i % 2 ? '70%' : '100%'} height={20} />
            ))}
          </Flex>
        ) : (
          <Flex direction="column" gap="2" data-ttc="data">
            <Text as="p" variant="body-medium">
              {view.clusters.length} clusters · {view.topics.length} topics · {view.groups.length} consumer groups ·{' '}
              {view.applications.length} applications
            </Text>
            <ul>
              {view.clusters.slice(0, 3).map(c => (
                <li key={`c/${c.metadata.name}`}>{c.spec?.displayName ?? c.metadata.name}</li>
              ))}
              {[...view.topics].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 3).map(t => (
                <li key={`t/${t.name}`}>{t.name}</li>
              ))}
              {view.groups.slice(0, 3).map(g => (
                <li key={`g/${g.name}`}>{g.name}</li>
              ))}
            </ul>
          </Flex>
        )}
      </CardBody>
    </Card>
  );
}
