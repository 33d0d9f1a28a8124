import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { KafkaCluster } from '../api/types.js';
import { NameLink } from './NameCell.js';

/** The core already drops non-hex colours; checked again before reaching CSS. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function ColourChip({ color }: { color?: string }) {
  if (!color || !HEX_COLOUR.test(color)) return null;
  return (
    <Box
      component="span"
      data-testid="cluster-colour"
      display="inline-block"
      width={12}
      height={12}
      mr={1}
      borderRadius="50%"
      style={{ backgroundColor: color }}
    />
  );
}

const columns: TableColumn<KafkaCluster>[] = [
  {
    title: 'Cluster',
    field: 'displayName',
    highlight: true,
    render: cluster => (
      <Box display="flex" alignItems="center">
        <ColourChip color={cluster.color} />
        <Box>
          <Typography variant="body2">
            <NameLink name={cluster.displayName} link={cluster.consoleLink} />
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {cluster.name}
          </Typography>
        </Box>
      </Box>
    ),
  },
  {
    title: 'Bootstrap servers',
    field: 'bootstrapServers',
    render: cluster => (
      <Box>
        {cluster.bootstrapServers
          .split(',')
          .filter(Boolean)
          .map(server => (
            <Typography key={server} variant="body2" style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
              {server.trim()}
            </Typography>
          ))}
      </Box>
    ),
  },
  {
    title: 'Schema registry',
    field: 'schemaRegistry.type',
    render: cluster => cluster.schemaRegistry?.type ?? '—',
  },
  {
    title: 'Labels',
    sorting: false,
    render: cluster =>
      Object.entries(cluster.labels).map(([key, value]) => (
        <Chip key={key} size="small" label={`${key}: ${value}`} style={{ marginRight: 4, marginBottom: 4 }} />
      )),
  },
];

export function ClusterTable({ clusters }: { clusters: KafkaCluster[] }) {
  return (
    <Table<KafkaCluster>
      columns={columns}
      data={clusters}
      options={{
        paging: clusters.length > 10,
        pageSize: 10,
        search: clusters.length > 10,
        toolbar: clusters.length > 10,
        padding: 'dense',
      }}
    />
  );
}
