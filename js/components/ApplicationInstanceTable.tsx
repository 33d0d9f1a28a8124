import { useMemo } from 'react';
import { Cell, Flex, Text } from '@backstage/ui';
import type { ApplicationInstance, ApplicationOverview } from '../api/types.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { nameCell, valueCell } from './cells.js';

type OwnedResource = ApplicationInstance['resources'][number];
type InstanceRow = ApplicationInstance & {
  id: string;
  title: string;
  owner?: string;
  applicationLink?: string;
};

const RESOURCE_TYPES: Record<string, string> = {
  TOPIC: 'topic',
  CONSUMER_GROUP: 'consumer group',
  SUBJECT: 'subject',
  CONNECTOR: 'connector',
};

/** "topic payments.* (prefixed)": the annotation's own form, with the pattern type spelled out. */
export function describeResource(resource: OwnedResource): string {
  const type = RESOURCE_TYPES[resource.type] ?? resource.type.toLowerCase();
  const prefixed = resource.patternType === 'PREFIXED';
  return `${type} ${resource.name}${
    prefixed ? '*' : ''
  } (${resource.patternType.toLowerCase()})`;
}

const COLUMNS: DataColumn<InstanceRow>[] = [
  {
    id: 'application',
    label: 'Application',
    minWidth: 180,
    sortValue: i => i.title,
    cell: i =>
      nameCell({
        name: i.title,
        link: i.applicationLink,
        caption: i.owner ? `owned by ${i.owner}` : undefined,
      }),
  },
  {
    id: 'instance',
    label: 'Instance',
    isRowHeader: true,
    minWidth: 170,
    sortValue: i => i.name,
    cell: i => valueCell(i.name),
  },
  {
    id: 'cluster',
    label: 'Cluster',
    minWidth: 110,
    sortValue: i => i.cluster,
    cell: i => valueCell(i.cluster ?? '—'),
  },
  {
    id: 'serviceAccount',
    label: 'Service account',
    minWidth: 170,
    sortValue: i => i.serviceAccount,
    cell: i => valueCell(i.serviceAccount ?? '—'),
  },
  {
    id: 'resources',
    label: 'Owned resources',
    minWidth: 300,
    cell: i => (
      <Cell>
        <Flex direction="column" gap="0.5">
          {i.resources.length === 0 ? (
            <Text as="span">None</Text>
          ) : (
            i.resources.map(r => (
              <Text as="span" key={`${r.type}/${r.name}/${r.patternType}`}>
                {describeResource(r)}
              </Text>
            ))
          )}
        </Flex>
      </Cell>
    ),
  },
];

/** Every instance of the entity's self-service applications: where it runs and what it owns. */
export function ApplicationInstanceTable({
  applications,
}: {
  applications: ApplicationOverview[];
}) {
  const rows = useMemo(
    () =>
      applications.flatMap(({ name, application, instances }) =>
        instances.map(instance => ({
          ...instance,
          id: `${name}/${instance.name}`,
          title: application?.title ?? name,
          owner: application?.owner,
          applicationLink: application?.consoleLink,
        })),
      ),
    [applications],
  );
  return (
    <DataTable<InstanceRow>
      title="Application instances"
      variant="full"
      testId="conduktor-application-instances"
      rows={rows}
      columns={COLUMNS}
      filterText={i =>
        [
          i.title,
          i.name,
          i.cluster,
          i.serviceAccount,
          ...i.resources.map(describeResource),
        ].join(' ')
      }
      initialSort={{ column: 'instance', direction: 'ascending' }}
      noun="application instances"
    />
  );
}
