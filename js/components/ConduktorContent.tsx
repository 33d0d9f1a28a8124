import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Tab, TabList, TabPanel, Tabs, Text } from '@backstage/ui';
import { CONDUKTOR_ANNOTATIONS, isConduktorAvailable } from '../constants.js';
import { isNoAccess } from '../problems.js';
import { ApplicationInstanceTable } from './ApplicationInstanceTable.js';
import { ClusterTable } from './ClusterTable.js';
import { ConsumerGroupTable } from './ConsumerGroupTable.js';
import { OverviewFrame, type OverviewBodyProps } from './OverviewFrame.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { TopicTable } from './TopicTable.js';
import { useConduktorSettings } from './useConduktorSettings.js';

/**
 * The entity's Kafka tab: everything its Conduktor annotations name, as the
 * signed-in user may see it in Conduktor Console, in full tables (sortable,
 * filterable, paged) for topics, consumer groups, application instances and clusters.
 */
export function ConduktorContent() {
  const { entity } = useEntity();
  const settings = useConduktorSettings();
  if (!isConduktorAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={[...CONDUKTOR_ANNOTATIONS]} />
    );
  }
  const entityName = entity.metadata.title ?? entity.metadata.name;
  return (
    <OverviewFrame
      title={`Kafka resources of ${entityName}`}
      annotations={entity.metadata.annotations}
      settings={settings}
      testId="conduktor-content"
      loadingRows={8}
    >
      {overview => (
        <ContentBody
          overview={overview}
          entityName={entityName}
          settings={settings}
        />
      )}
    </OverviewFrame>
  );
}

/**
 * Backstage UI greys the unselected tabs with its secondary colour, which on a dark
 * card is below AA contrast (4.0:1); the underline marks the selected one instead.
 */
const TAB_TEXT = { color: 'var(--bui-fg-primary)' };

function ContentBody({ overview, entityName, settings }: OverviewBodyProps) {
  const { clusters, topics, consumerGroups, applications } = overview;
  const instances = applications.reduce((n, a) => n + a.instances.length, 0);
  return (
    <>
      <ProblemsPanel overview={overview} entityName={entityName} expanded />
      {!isNoAccess(overview) && (
        <Tabs
          defaultSelectedKey={
            consumerGroups.length > 0 && topics.length === 0
              ? 'consumer-groups'
              : 'topics'
          }
        >
          <TabList aria-label="Kafka resources">
            <Tab
              id="topics"
              style={TAB_TEXT}
            >{`Topics (${topics.length})`}</Tab>
            <Tab
              id="consumer-groups"
              style={TAB_TEXT}
            >{`Consumer groups (${consumerGroups.length})`}</Tab>
            <Tab
              id="applications"
              style={TAB_TEXT}
            >{`Applications (${instances} ${
              instances === 1 ? 'instance' : 'instances'
            })`}</Tab>
            <Tab
              id="clusters"
              style={TAB_TEXT}
            >{`Clusters (${clusters.length})`}</Tab>
          </TabList>
          <TabPanel id="topics">
            <TopicTable topics={topics} variant="full" />
          </TabPanel>
          <TabPanel id="consumer-groups">
            <ConsumerGroupTable
              groups={consumerGroups}
              thresholds={settings.lagThresholds}
              variant="full"
            />
          </TabPanel>
          <TabPanel id="applications">
            {applications.length > 0 ? (
              <ApplicationInstanceTable applications={applications} />
            ) : (
              <Text as="p">
                This entity names no self-service application
                (conduktor.io/application).
              </Text>
            )}
          </TabPanel>
          <TabPanel id="clusters">
            <ClusterTable clusters={clusters} variant="full" />
          </TabPanel>
        </Tabs>
      )}
    </>
  );
}
