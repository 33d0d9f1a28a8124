import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { EntityOverview } from '../api/types.js';
import { ApplicationList } from './ApplicationList.js';
import { ClusterTable } from './ClusterTable.js';
import { ConsumerGroupTable } from './ConsumerGroupTable.js';
import { ProblemList } from './ProblemList.js';
import { TopicTable } from './TopicTable.js';

/** The sections the entity's annotations ask for, with what could not load beside them. */
export function OverviewView({ overview }: { overview: EntityOverview }) {
  const { clusters, topics, consumerGroups, applications, problems, truncations } = overview;
  const nothing = clusters.length + topics.length + consumerGroups.length + applications.length === 0;
  return (
    <>
      <ProblemList problems={problems} truncations={truncations} />
      {nothing && problems.length === 0 && (
        <Typography variant="body2" data-testid="conduktor-empty">
          {overview.annotated
            ? 'Conduktor shows you nothing for what this entity names. Ask your Conduktor administrator for access to its clusters, topics and consumer groups.'
            : 'Conduktor shows you no Kafka cluster. Ask your Conduktor administrator for access.'}
        </Typography>
      )}
      {clusters.length > 0 && <ClusterTable clusters={clusters} />}
      {topics.length > 0 && (
        <Box mt={2}>
          <TopicTable topics={topics} />
        </Box>
      )}
      {consumerGroups.length > 0 && (
        <Box mt={2}>
          <ConsumerGroupTable groups={consumerGroups} />
        </Box>
      )}
      {applications.length > 0 && (
        <Box mt={2}>
          <ApplicationList applications={applications} />
        </Box>
      )}
    </>
  );
}
