import { useCallback, useId, useMemo, type ReactElement } from 'react';
import {
  Flex,
  SearchField,
  Table,
  Text,
  useTable,
  type ColumnConfig,
  type SortDescriptor,
  type TableItem,
} from '@backstage/ui';

/** A column: its cell (a BUI Cell/CellText), and the value it sorts by when sortable. */
export interface DataColumn<T extends TableItem> {
  id: string;
  label: string;
  cell: (row: T) => ReactElement;
  /** Sortable when given; missing values sort last in both directions. */
  sortValue?: (row: T) => string | number | undefined;
  isRowHeader?: boolean;
  /** Pixels; set on every column of a wide table, so it scrolls instead of squeezing. */
  minWidth?: number;
}

/** Rows per page of the tab's full tables. */
export const PAGE_SIZE = 20;

export interface DataTableProps<T extends TableItem> {
  /** The table's heading: its accessible name, and the filter field's. */
  title: string;
  /**
   * `full` (the tab): every column, a filter field, pages of PAGE_SIZE rows.
   * `summary` (the card): `summaryColumns`, a smaller heading under the card's.
   */
  variant: 'summary' | 'full';
  rows: T[];
  /** How many there are when `rows` are the card's first few: the heading says "3 of 8". */
  total?: number;
  columns: DataColumn<T>[];
  summaryColumns?: DataColumn<T>[];
  /** The text a full table's rows are filtered by. */
  filterText?: (row: T) => string;
  initialSort?: SortDescriptor;
  /** Plural of what the rows are ("topics"), for the empty states. */
  noun: string;
  testId?: string;
}

/**
 * Backstage UI's table for complete, client-side data: sorting by each column's
 * `sortValue`, a filter field over `filterText`, paging beyond PAGE_SIZE. Under a
 * heading that names it, since BUI's table takes no label of its own.
 */
export function DataTable<T extends TableItem>(props: DataTableProps<T>) {
  const { variant, rows, total, initialSort, noun, testId } = props;
  const full = variant === 'full';
  const columns = full ? props.columns : props.summaryColumns ?? props.columns;
  const filterText = full ? props.filterText : undefined;
  const pageSize = full ? PAGE_SIZE : undefined;
  const headingLevel = full ? 'h3' : 'h4';
  const title =
    total !== undefined && total > rows.length
      ? `${props.title} (${rows.length} of ${total})`
      : props.title;
  const headingId = useId();
  const sortFn = useCallback(
    (items: T[], sort: SortDescriptor) => {
      const value = columns.find(c => c.id === sort.column)?.sortValue;
      return value
        ? sortRows(items, value, sort.direction === 'descending' ? -1 : 1)
        : items;
    },
    [columns],
  );
  const searchFn = useCallback(
    (items: T[], search: string) => {
      const needle = search.trim().toLowerCase();
      return needle && filterText
        ? items.filter(row => filterText(row).toLowerCase().includes(needle))
        : items;
    },
    [filterText],
  );
  const paged = pageSize !== undefined && rows.length > pageSize;
  const { tableProps, search } = useTable<T>({
    mode: 'complete',
    data: rows,
    sortFn,
    searchFn,
    initialSort,
    paginationOptions: paged
      ? { pageSize, showPageSizeOptions: false }
      : { type: 'none' },
  });
  const columnConfig = useMemo<ColumnConfig<T>[]>(
    () =>
      columns.map(column => ({
        id: column.id,
        label: column.label,
        cell: column.cell,
        isSortable: column.sortValue !== undefined,
        isRowHeader: column.isRowHeader,
        minWidth: column.minWidth,
      })),
    [columns],
  );

  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Flex
        justify="between"
        align="center"
        gap="3"
        mb="1"
        style={{ flexWrap: 'wrap' }}
      >
        <Text
          as={headingLevel}
          id={headingId}
          variant={headingLevel === 'h3' ? 'title-x-small' : 'body-large'}
          weight="bold"
        >
          {title}
        </Text>
        {filterText && (
          <SearchField
            aria-label={`Filter ${title.toLowerCase()}`}
            placeholder="Filter"
            size="small"
            value={search.value}
            onChange={search.onChange}
          />
        )}
      </Flex>
      <Table<T>
        columnConfig={columnConfig}
        {...tableProps}
        emptyState={
          <Text as="p">
            {rows.length === 0
              ? `No ${noun} to show.`
              : `No ${noun} match the filter.`}
          </Text>
        }
      />
    </section>
  );
}

function sortRows<T>(
  items: T[],
  value: (row: T) => string | number | undefined,
  direction: 1 | -1,
): T[] {
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Unknown values sort last, whichever the direction.
    if (x === undefined && y === undefined) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y));
    return order * direction;
  });
}
