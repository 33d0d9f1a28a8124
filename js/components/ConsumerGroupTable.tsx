import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ConsumerGroup } from '../api/types.js';
import { formatCount, formatDuration } from '../format.js';
import { NameCell } from './NameCell.js';

const columns: TableColumn<ConsumerGroup>[] = [
  {
    title: 'Consumer group',
    field: 'name',
    highlight: true,
    render: group => (
      <NameCell name={group.name} cluster={group.cluster} detail={group.topics.join(', ')} link={group.consoleLink} />
    ),
  },
  { title: 'State', field: 'state', render: g => (g.indexed ? g.state ?? 'Unknown' : 'Not indexed yet') },
  { title: 'Members', field: 'members', type: 'numeric', render: g => formatCount(g.members) },
  {
    title: 'Lag',
    field: 'overallLag',
    type: 'numeric',
    render: g => (
      <>
        <Typography variant="body2">{formatCount(g.overallLag)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {g.maxLagSeconds !== undefined ? `max ${formatDuration(g.maxLagSeconds)}` : ''}
        </Typography>
      </>
    ),
  },
];

export function ConsumerGroupTable({ groups }: { groups: ConsumerGroup[] }) {
  return (
    <Table<ConsumerGroup>
      title="Consumer groups"
      columns={columns}
      data={groups}
      options={{ paging: groups.length > 10, pageSize: 10, search: groups.length > 10, padding: 'dense' }}
    />
  );
}
