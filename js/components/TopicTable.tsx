import { useMemo } from 'react';
import { Cell, Tag, TagGroup } from '@backstage/ui';
import type { Topic, TopicTag } from '../api/types.js';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatRate,
  formatRetention,
} from '../format.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { nameCell, Swatch, valueCell } from './cells.js';

type TopicRow = Topic & { id: string };

/** False when Console has not indexed the topic yet: name and cluster only, no metrics. */
const isIndexed = (topic: Topic) => topic.indexed;
const metric = <V,>(topic: Topic, value: V | undefined) =>
  isIndexed(topic) ? value : undefined;

const name: DataColumn<TopicRow> = {
  id: 'name',
  label: 'Topic',
  isRowHeader: true,
  minWidth: 220,
  sortValue: t => t.name,
  cell: t =>
    nameCell({
      name: t.name,
      link: t.consoleLink,
      caption: isIndexed(t) ? t.cluster : `${t.cluster} · not indexed yet`,
    }),
};

const number = (
  id: string,
  label: string,
  minWidth: number,
  value: (t: Topic) => number | undefined,
  format: (n: number | undefined) => string,
): DataColumn<TopicRow> => ({
  id,
  label,
  minWidth,
  sortValue: t => metric(t, value(t)),
  cell: t => valueCell(format(metric(t, value(t)))),
});

const partitions = number(
  'partitions',
  'Partitions',
  130,
  t => t.partitions,
  n => (n === undefined ? '—' : String(n)),
);
const size = number('size', 'Size', 100, t => t.sizeBytes, formatBytes);

const FULL_COLUMNS: DataColumn<TopicRow>[] = [
  name,
  partitions,
  number(
    'replication',
    'Replication',
    140,
    t => t.replicationFactor,
    n => (n === undefined ? '—' : String(n)),
  ),
  {
    ...number(
      'retention',
      'Retention',
      130,
      t => t.retentionMs,
      formatRetention,
    ),
    // -1 is unlimited: longest of all.
    sortValue: t =>
      metric(
        t,
        t.retentionMs === -1 ? Number.POSITIVE_INFINITY : t.retentionMs,
      ),
  },
  {
    id: 'cleanup',
    label: 'Cleanup policy',
    minWidth: 160,
    sortValue: t => metric(t, t.cleanupPolicy),
    cell: t => valueCell(metric(t, t.cleanupPolicy) ?? '—'),
  },
  number(
    'minIsr',
    'Min ISR',
    110,
    t => t.minInsyncReplicas,
    n => (n === undefined ? '—' : String(n)),
  ),
  number('records', 'Records', 120, t => t.recordCount, formatCount),
  size,
  number('produceRate', 'Produce rate', 150, t => t.produceRate, formatRate),
  {
    id: 'lastActivity',
    label: 'Last activity',
    minWidth: 180,
    sortValue: t => {
      const time = Date.parse(metric(t, t.lastActivityAt) ?? '');
      return Number.isFinite(time) ? time : undefined;
    },
    cell: t => valueCell(formatDateTime(metric(t, t.lastActivityAt))),
  },
  {
    id: 'tags',
    label: 'Tags',
    minWidth: 170,
    sortValue: t =>
      t.tags?.length ? t.tags.map(tag => tag.name).join(', ') : undefined,
    cell: t => tagsCell(t.name, t.tags ?? []),
  },
  {
    id: 'owner',
    label: 'Application',
    minWidth: 150,
    sortValue: t => t.ownerApplication,
    cell: t => valueCell(t.ownerApplication ?? '—'),
  },
];

/** The card's few columns: what fits in half the overview. */
const SUMMARY_COLUMNS: DataColumn<TopicRow>[] = [
  { ...name, minWidth: undefined },
  { ...partitions, minWidth: undefined },
  { ...size, minWidth: undefined },
];

/** Console's topic tags: the name is the text, the colour only a swatch beside it. */
function tagsCell(topic: string, tags: TopicTag[]) {
  if (tags.length === 0) return valueCell('—');
  return (
    <Cell>
      <TagGroup aria-label={`Tags of ${topic}`}>
        {tags.map(tag => (
          <Tag
            key={tag.id}
            id={tag.id}
            size="small"
            icon={<Swatch color={tag.color} />}
          >
            {tag.name}
          </Tag>
        ))}
      </TagGroup>
    </Cell>
  );
}

export function TopicTable({
  topics,
  total,
  variant,
}: {
  topics: Topic[];
  /** How many there are when `topics` is the card's first few. */
  total?: number;
  variant: 'summary' | 'full';
}) {
  const rows = useMemo(
    () => topics.map(t => ({ ...t, id: `${t.cluster}/${t.name}` })),
    [topics],
  );
  return (
    <DataTable<TopicRow>
      title="Topics"
      variant={variant}
      testId="conduktor-topics"
      rows={rows}
      total={total}
      columns={FULL_COLUMNS}
      summaryColumns={SUMMARY_COLUMNS}
      filterText={t =>
        [
          t.name,
          t.cluster,
          t.ownerApplication,
          t.cleanupPolicy,
          ...(t.tags ?? []).map(tag => tag.name),
        ].join(' ')
      }
      initialSort={{ column: 'name', direction: 'ascending' }}
      noun="topics"
    />
  );
}
