import { useMemo } from 'react';
import { Cell } from '@backstage/ui';
import type { ConsumerGroup } from '../api/types.js';
import { formatCount, formatDuration } from '../format.js';
import {
  LAG_STATUSES,
  lagHealth,
  type LagHealth,
  type LagThresholds,
} from '../lag.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { LagHealthLabel } from './LagHealthLabel.js';
import { nameCell, valueCell } from './cells.js';

type GroupRow = ConsumerGroup & { id: string; health: LagHealth };

const name: DataColumn<GroupRow> = {
  id: 'name',
  label: 'Consumer group',
  isRowHeader: true,
  minWidth: 220,
  sortValue: g => g.name,
  cell: g =>
    nameCell({ name: g.name, link: g.consoleLink, caption: g.cluster }),
};

const health: DataColumn<GroupRow> = {
  id: 'health',
  label: 'Lag health',
  minWidth: 170,
  // Worst first when ascending; the longer lag first within a status.
  sortValue: g =>
    LAG_STATUSES.indexOf(g.health.status) * 1e12 - (g.maxLagSeconds ?? -1),
  cell: g => (
    <Cell>
      <LagHealthLabel health={g.health} />
    </Cell>
  ),
};

const lag: DataColumn<GroupRow> = {
  id: 'lag',
  label: 'Lag',
  minWidth: 110,
  sortValue: g => (g.indexed ? g.overallLag : undefined),
  cell: g => valueCell(g.indexed ? formatCount(g.overallLag) : '—'),
};

const FULL_COLUMNS: DataColumn<GroupRow>[] = [
  name,
  health,
  {
    id: 'state',
    label: 'State',
    minWidth: 150,
    sortValue: g => (g.indexed ? g.state : undefined),
    cell: g => valueCell(g.indexed ? g.state ?? 'Unknown' : 'Not indexed yet'),
  },
  {
    id: 'members',
    label: 'Members',
    minWidth: 130,
    sortValue: g => (g.indexed ? g.members : undefined),
    cell: g => valueCell(g.indexed ? formatCount(g.members) : '—'),
  },
  lag,
  {
    id: 'maxLag',
    label: 'Max lag time',
    minWidth: 150,
    sortValue: g => (g.indexed ? g.maxLagSeconds : undefined),
    cell: g => valueCell(g.indexed ? formatDuration(g.maxLagSeconds) : '—'),
  },
  {
    id: 'topics',
    label: 'Topics',
    minWidth: 200,
    sortValue: g => g.topics.join(', ') || undefined,
    cell: g => valueCell(g.topics.join(', ') || '—'),
  },
];

const SUMMARY_COLUMNS: DataColumn<GroupRow>[] = [
  { ...name, minWidth: undefined },
  { ...health, minWidth: undefined },
  { ...lag, minWidth: undefined },
];

export function ConsumerGroupTable({
  groups,
  total,
  thresholds,
  variant,
}: {
  groups: ConsumerGroup[];
  /** How many there are when `groups` is the card's first few. */
  total?: number;
  thresholds: LagThresholds;
  variant: 'summary' | 'full';
}) {
  const rows = useMemo(
    () =>
      groups.map(g => ({
        ...g,
        id: `${g.cluster}/${g.name}`,
        health: lagHealth(g, thresholds),
      })),
    [groups, thresholds],
  );
  return (
    <DataTable<GroupRow>
      title="Consumer groups"
      variant={variant}
      testId="conduktor-consumer-groups"
      rows={rows}
      total={total}
      columns={FULL_COLUMNS}
      summaryColumns={SUMMARY_COLUMNS}
      filterText={g =>
        [g.name, g.cluster, g.state, g.health.label, ...g.topics].join(' ')
      }
      initialSort={{ column: 'health', direction: 'ascending' }}
      noun="consumer groups"
    />
  );
}
