import { useMemo } from 'react';
import {
  MissingAnnotationEmptyState,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { CONDUKTOR_ANNOTATIONS, isConduktorAvailable } from '../constants.js';
import { compareLag, lagHealth } from '../lag.js';
import { isNoAccess } from '../problems.js';
import { ApplicationSummary } from './ApplicationSummary.js';
import { ClusterTable } from './ClusterTable.js';
import { ConsumerGroupTable } from './ConsumerGroupTable.js';
import { OverviewFrame, type OverviewBodyProps } from './OverviewFrame.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { TopicTable } from './TopicTable.js';
import { useConduktorSettings } from './useConduktorSettings.js';

/** Rows of each kind the card shows; the Kafka tab has the rest. */
export const CARD_ROWS = 3;

export interface ConduktorCardProps {
  /** Kept for existing legacy pages: the card always fills its grid cell, as Backstage UI cards do. */
  variant?: 'gridItem' | 'fullHeight';
  /**
   * The entity-page path of the Kafka tab the card links to (default `kafka`, the
   * tab's default path); `false` when the app has no such tab.
   */
  tabPath?: string | false;
}

/**
 * The summary card: how many clusters, topics and consumer groups the entity's
 * Conduktor annotations name (as the signed-in user may see them in Conduktor
 * Console), the worst consumer lag, the first few of each, and a link to the Kafka
 * tab for everything. Without annotations: the user's clusters.
 */
export function ConduktorCard({ tabPath = 'kafka' }: ConduktorCardProps) {
  const { entity } = useEntity();
  const settings = useConduktorSettings();
  const entityLink = useEntityRefLink();
  if (
    !settings.showAllClustersWithoutAnnotation &&
    !isConduktorAvailable(entity)
  ) {
    return (
      <MissingAnnotationEmptyState annotation={[...CONDUKTOR_ANNOTATIONS]} />
    );
  }
  const tabHref =
    tabPath !== false && isConduktorAvailable(entity)
      ? `${entityLink(entity)}/${tabPath.replace(/^\/+/, '')}`
      : undefined;
  return (
    <OverviewFrame
      title="Conduktor"
      annotations={entity.metadata.annotations}
      settings={settings}
      testId="conduktor-card"
      loadingRows={4}
      tabHref={tabHref}
    >
      {overview => (
        <SummaryBody
          overview={overview}
          entityName={entity.metadata.title ?? entity.metadata.name}
          settings={settings}
        />
      )}
    </OverviewFrame>
  );
}

/** What loaded, capped at a few rows of each kind; the worst-lagging groups come first. */
function SummaryBody({ overview, entityName, settings }: OverviewBodyProps) {
  const { clusters, topics, consumerGroups, applications, problems } = overview;
  const noAccess = isNoAccess(overview);
  const firstTopics = useMemo(
    () =>
      [...topics]
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, CARD_ROWS),
    [topics],
  );
  const firstGroups = useMemo(
    () =>
      consumerGroups
        .map(group => ({
          group,
          health: lagHealth(group, settings.lagThresholds),
        }))
        .sort(compareLag)
        .slice(0, CARD_ROWS)
        .map(({ group }) => group),
    [consumerGroups, settings.lagThresholds],
  );
  const nothing =
    clusters.length +
      topics.length +
      consumerGroups.length +
      applications.length ===
    0;
  return (
    <>
      <ProblemsPanel
        overview={overview}
        entityName={entityName}
        expanded={false}
      />
      {nothing && problems.length === 0 && (
        <Text as="p" variant="body-medium" data-testid="conduktor-empty">
          {overview.annotated
            ? 'Conduktor shows you nothing for what this entity names. Ask your Conduktor administrator for access to its clusters, topics and consumer groups.'
            : 'Conduktor shows you no Kafka cluster. Ask your Conduktor administrator for access.'}
        </Text>
      )}
      {!overview.annotated && clusters.length > 0 && (
        <ClusterTable
          clusters={clusters.slice(0, CARD_ROWS)}
          total={clusters.length}
          variant="summary"
        />
      )}
      {!noAccess && topics.length > 0 && (
        <TopicTable
          topics={firstTopics}
          total={topics.length}
          variant="summary"
        />
      )}
      {!noAccess && consumerGroups.length > 0 && (
        <ConsumerGroupTable
          groups={firstGroups}
          total={consumerGroups.length}
          thresholds={settings.lagThresholds}
          variant="summary"
        />
      )}
      {!noAccess && applications.length > 0 && (
        <ApplicationSummary applications={applications} />
      )}
    </>
  );
}
