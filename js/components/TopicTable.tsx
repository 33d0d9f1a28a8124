import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Topic } from '../api/types.js';
import { formatBytes, formatCount, formatRetention } from '../format.js';
import { NameCell } from './NameCell.js';

const columns: TableColumn<Topic>[] = [
  {
    title: 'Topic',
    field: 'name',
    highlight: true,
    render: topic => (
      <NameCell
        name={topic.name}
        cluster={topic.cluster}
        detail={topic.ownerApplication ?? undefined}
        link={topic.consoleLink}
      />
    ),
  },
  {
    title: 'Partitions × RF',
    field: 'partitions',
    render: t => `${t.partitions ?? '—'} × ${t.replicationFactor ?? '—'}`,
  },
  {
    title: 'Retention',
    field: 'retentionMs',
    render: t => (
      <>
        <Typography variant="body2">{formatRetention(t.retentionMs)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {t.cleanupPolicy ?? ''}
        </Typography>
      </>
    ),
  },
  { title: 'Records', field: 'recordCount', type: 'numeric', render: t => formatCount(t.recordCount) },
  { title: 'Size', field: 'sizeBytes', type: 'numeric', render: t => formatBytes(t.sizeBytes) },
];

export function TopicTable({ topics }: { topics: Topic[] }) {
  return (
    <Table<Topic>
      title="Topics"
      columns={columns}
      data={topics}
      options={{ paging: topics.length > 10, pageSize: 10, search: topics.length > 10, padding: 'dense' }}
    />
  );
}
