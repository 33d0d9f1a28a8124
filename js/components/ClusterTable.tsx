import { useMemo } from 'react';
import { Cell, Flex, Tag, TagGroup, Text } from '@backstage/ui';
import type { KafkaCluster } from '../api/types.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { NameWithCaption, Swatch, valueCell } from './cells.js';

type ClusterRow = KafkaCluster & { id: string };

const name: DataColumn<ClusterRow> = {
  id: 'name',
  label: 'Cluster',
  isRowHeader: true,
  minWidth: 200,
  sortValue: c => c.displayName,
  cell: c => (
    <Cell>
      <Flex align="center" gap="2">
        <Swatch color={c.color} />
        <NameWithCaption
          name={c.displayName}
          link={c.consoleLink}
          caption={c.name}
        />
      </Flex>
    </Cell>
  ),
};

const schemaRegistry: DataColumn<ClusterRow> = {
  id: 'schemaRegistry',
  label: 'Schema registry',
  minWidth: 150,
  sortValue: c => c.schemaRegistry?.type,
  cell: c => valueCell(c.schemaRegistry?.type ?? '—'),
};

const FULL_COLUMNS: DataColumn<ClusterRow>[] = [
  name,
  {
    id: 'bootstrap',
    label: 'Bootstrap servers',
    minWidth: 280,
    cell: c => (
      <Cell>
        <Flex direction="column" gap="0.5">
          {c.bootstrapServers
            .split(',')
            .map(server => server.trim())
            .filter(Boolean)
            .map(server => (
              <Text
                as="span"
                key={server}
                style={{ fontFamily: 'var(--bui-font-monospace, monospace)' }}
              >
                {server}
              </Text>
            ))}
        </Flex>
      </Cell>
    ),
  },
  schemaRegistry,
  {
    id: 'labels',
    label: 'Labels',
    minWidth: 220,
    cell: c => {
      const labels = Object.entries(c.labels);
      if (labels.length === 0) return valueCell('—');
      return (
        <Cell>
          <TagGroup aria-label={`Labels of ${c.displayName}`}>
            {labels.map(([key, value]) => (
              <Tag key={key} id={key} size="small">
                {`${key}: ${value}`}
              </Tag>
            ))}
          </TagGroup>
        </Cell>
      );
    },
  },
];

const SUMMARY_COLUMNS: DataColumn<ClusterRow>[] = [
  { ...name, minWidth: undefined },
  { ...schemaRegistry, minWidth: undefined },
];

export function ClusterTable({
  clusters,
  total,
  variant,
}: {
  clusters: KafkaCluster[];
  /** How many there are when `clusters` is the card's first few. */
  total?: number;
  variant: 'summary' | 'full';
}) {
  const rows = useMemo(
    () => clusters.map(c => ({ ...c, id: c.name })),
    [clusters],
  );
  return (
    <DataTable<ClusterRow>
      title="Clusters"
      variant={variant}
      testId="conduktor-clusters"
      rows={rows}
      total={total}
      columns={FULL_COLUMNS}
      summaryColumns={SUMMARY_COLUMNS}
      filterText={c =>
        [
          c.displayName,
          c.name,
          c.bootstrapServers,
          ...Object.entries(c.labels).flat(),
        ].join(' ')
      }
      initialSort={{ column: 'name', direction: 'ascending' }}
      noun="clusters"
    />
  );
}
