import { useId, type ReactNode } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import { RiArrowRightLine, RiExternalLinkLine } from '@remixicon/react';
import { conduktorApiRef, type EntityOverview } from '../api/types.js';
import { isNoAccess } from '../problems.js';
import { ConduktorErrorPanel } from './ConduktorErrorPanel.js';
import { LoadingState, RefreshButton } from './loadStates.js';
import { OverviewHeadline } from './OverviewHeadline.js';
import type { ConduktorSettings } from './useConduktorSettings.js';
import { useOverview } from './useOverview.js';

export interface OverviewFrameProps {
  title: string;
  annotations: Record<string, string> | undefined;
  settings: ConduktorSettings;
  testId: string;
  loadingRows: number;
  /** The Kafka tab, linked from the footer (the card's), unless Console refused everything. */
  tabHref?: string;
  /** What loaded. */
  children: (overview: EntityOverview) => ReactNode;
}

/** What the card's and the tab's bodies draw from, once the overview has loaded. */
export interface OverviewBodyProps {
  overview: EntityOverview;
  entityName: string;
  settings: ConduktorSettings;
}

/**
 * The card and the tab share this: a Backstage UI card whose header has the title,
 * Refresh, and the line of counts and lag health; its body the loading, failed or
 * loaded state; its footer when it was updated and the links into Console and the tab.
 */
export function OverviewFrame({
  title,
  annotations,
  settings,
  testId,
  loadingRows,
  tabHref,
  children,
}: OverviewFrameProps) {
  const api = useApi(conduktorApiRef);
  const { state, refresh } = useOverview(annotations);
  const titleId = useId();
  const signInAgain = () => {
    api.signIn().then(refresh, refresh);
  };

  return (
    <Card
      role="region"
      aria-labelledby={titleId}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      <CardHeader>
        <Flex direction="column" gap="2">
          <Flex justify="between" align="center">
            <Text as="h3" id={titleId} variant="title-x-small" weight="bold">
              {title}
            </Text>
            <RefreshButton
              onRefresh={refresh}
              isPending={state.status === 'loading'}
            />
          </Flex>
          {state.status === 'loaded' && (
            <OverviewHeadline
              overview={state.overview}
              thresholds={settings.lagThresholds}
            />
          )}
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {settings.configError && (
            <Alert
              status="warning"
              icon
              title="Check the Conduktor configuration"
              description={settings.configError}
            />
          )}
          {state.status === 'loading' && <LoadingState rows={loadingRows} />}
          {state.status === 'failed' && (
            <ConduktorErrorPanel
              error={state.error}
              onRetry={refresh}
              onSignIn={signInAgain}
            />
          )}
          {state.status === 'loaded' && children(state.overview)}
        </Flex>
      </CardBody>
      <CardFooter>
        <Flex
          justify="between"
          align="center"
          gap="3"
          style={{ flexWrap: 'wrap', width: '100%' }}
        >
          <Text as="span" variant="body-small">
            {state.status === 'loaded'
              ? `Updated ${state.updatedAt.toLocaleTimeString()}`
              : ''}
          </Text>
          <Flex align="center" gap="4" style={{ flexWrap: 'wrap' }}>
            {settings.consoleUrl && (
              <Link
                href={settings.consoleUrl}
                target="_blank"
                rel="noopener noreferrer"
                variant="body-medium"
              >
                Open Conduktor Console{' '}
                <RiExternalLinkLine
                  aria-hidden="true"
                  size={16}
                  style={{ verticalAlign: 'text-bottom' }}
                />
              </Link>
            )}
            {tabHref &&
              !(state.status === 'loaded' && isNoAccess(state.overview)) && (
                <Link href={tabHref} variant="body-medium" weight="bold">
                  Everything in the Kafka tab{' '}
                  <RiArrowRightLine
                    aria-hidden="true"
                    size={16}
                    style={{ verticalAlign: 'text-bottom' }}
                  />
                </Link>
              )}
          </Flex>
        </Flex>
      </CardFooter>
    </Card>
  );
}
