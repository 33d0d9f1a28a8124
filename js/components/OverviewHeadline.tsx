import { Flex, Text } from '@backstage/ui';
import type { EntityOverview } from '../api/types.js';
import { formatCount, formatDuration } from '../format.js';
import { worstLag, type LagThresholds } from '../lag.js';
import { isNoAccess } from '../problems.js';
import { LagHealthLabel } from './LagHealthLabel.js';

const count = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * "2 clusters · 3 topics · 2 consumer groups", then the worst lag with its time and
 * health. Nothing when Console refused everything: the no-access sentence says it.
 */
export function OverviewHeadline({
  overview,
  thresholds,
}: {
  overview: EntityOverview;
  thresholds: LagThresholds;
}) {
  const { clusters, topics, consumerGroups, applications } = overview;
  if (isNoAccess(overview)) return null;
  const counts = [
    count(clusters.length, 'cluster', 'clusters'),
    count(topics.length, 'topic', 'topics'),
    count(consumerGroups.length, 'consumer group', 'consumer groups'),
    ...(applications.length > 0
      ? [count(applications.length, 'application', 'applications')]
      : []),
  ].join(' · ');
  const worst = worstLag(consumerGroups, thresholds);
  return (
    <Flex
      align="center"
      gap="3"
      data-testid="conduktor-headline"
      style={{ flexWrap: 'wrap', rowGap: 'var(--bui-space-1)' }}
    >
      <Text as="span" variant="body-medium">
        {counts}
      </Text>
      {worst && (
        <div data-testid="conduktor-worst-lag">
          <LagHealthLabel
            health={{
              ...worst.health,
              label: `Worst lag: ${worst.group.name}, ${
                worst.group.indexed && worst.group.maxLagSeconds !== undefined
                  ? formatDuration(worst.group.maxLagSeconds)
                  : 'time unknown'
              }${
                worst.group.indexed && worst.group.overallLag !== undefined
                  ? ` (${formatCount(worst.group.overallLag)} records)`
                  : ''
              }`,
            }}
          />
        </div>
      )}
    </Flex>
  );
}
