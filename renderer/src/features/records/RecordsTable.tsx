import { Box, Link, TableSortLabel } from '@mui/material';
import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { RECORD_COLUMNS, type RecordColumn, type RecordKind, type RecordRow, type RecordsSort } from '@shared/domain/records';
import { formatCell, languageOf, recordPath } from './record-format';

const ROW_HEIGHT = 40;
/** Rows from the end of the loaded ones at which the next page is asked for. */
const LOAD_AHEAD = 40;

interface ListRow {
  index: number;
  record: RecordRow | undefined;
}

const features = tableFeatures({ rowSortingFeature, columnSizingFeature, columnMeta: {} as { column?: RecordColumn } });
const helper = createColumnHelper<typeof features, ListRow>();

export interface RecordsTableProps {
  kind: RecordKind;
  rows: RecordRow[];
  total: number;
  hasMore: boolean;
  timeZone: string;
  sort: RecordsSort;
  defaultSort: string;
  height: number;
  onSort(sort: RecordsSort): void;
  onLoadMore(): void;
}

/**
 * One kind of record as a virtualised table: only the rows in view are in
 * the DOM, the next page is fetched as the end comes near, headers sort in
 * core (keyset pages need the order there). Columns come from the shared
 * declaration, the same the exported files use.
 */
export function RecordsTable({ kind, rows, total, hasMore, timeZone, sort, defaultSort, height, onSort, onLoadMore }: RecordsTableProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = languageOf(i18n.language);
  const scrollRef = useRef<HTMLDivElement>(null);
  const declared = RECORD_COLUMNS[kind];

  // TanStack Virtual returns a mutable instance the React Compiler cannot memoise; nothing memoised below reads it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length + (hasMore ? 1 : 0), getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && last >= rows.length - LOAD_AHEAD) onLoadMore();
  }, [last, rows.length, hasMore, onLoadMore]);

  // A new view starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [kind, sort.by, sort.direction, virtualizer]);

  const columns = useMemo(
    () =>
      helper.columns(
        declared.map((column) =>
          helper.accessor((row) => row.record?.values[column.key], {
            id: column.key,
            size: Math.max(64, column.width * 8),
            enableSorting: column.sortable,
            meta: { column },
            header: () => column.header[language],
          }),
        ),
      ),
    [declared, language],
  );
  const data = useMemo<ListRow[]>(
    () => items.map((item) => ({ index: item.index, record: rows[item.index] })),
    // The virtual items change identity on every scroll frame; the rows only when the range or the data does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items[0]?.index, last, rows],
  );
  const sortedBy = sort.by || defaultSort;
  const sorting = useMemo<SortingState>(() => [{ id: sortedBy, desc: sort.direction === 'desc' }], [sortedBy, sort.direction]);
  const table = useTable(
    {
      features,
      columns,
      data,
      getRowId: (row) => row.record?.id ?? `pending-${row.index}`,
      manualSorting: true,
      enableSortingRemoval: false,
      enableMultiSort: false,
      state: { sorting },
      onSortingChange: (updater: Updater<SortingState>) => {
        const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
        if (next) onSort({ by: next.id === defaultSort ? '' : next.id, direction: next.desc ? 'desc' : 'asc' });
      },
    },
    (state) => ({ sorting: state.sorting }),
  );
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const { cellStyles, minWidth } = useMemo(() => {
    const styles: Record<string, CSSProperties> = {};
    let width = 0;
    for (const column of declared) {
      const size = Math.max(64, column.width * 8);
      styles[column.key] = { flex: `${column.type === 'text' ? 1 : 0} 0 ${size}px`, minWidth: size, textAlign: column.type === 'text' ? 'left' : 'right' };
      width += size;
    }
    return { cellStyles: styles, minWidth: width };
  }, [declared]);

  const open = (record: RecordRow) => {
    const path = recordPath(record.link);
    if (path) void navigate(path);
  };

  return (
    <Box
      ref={scrollRef}
      role="table"
      aria-label={t('records.tableLabel', { kind: t(`records.kinds.${kind}`) })}
      aria-rowcount={total + 1}
      sx={{
        height,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '& .wd-row': { display: 'flex', alignItems: 'center', height: ROW_HEIGHT, borderBottom: 1, borderColor: 'divider', boxSizing: 'border-box', minWidth },
        '& .wd-body .wd-row': { position: 'absolute', left: 0, width: '100%', cursor: 'pointer' },
        '& .wd-body .wd-row:hover, & .wd-body .wd-row:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
        '& .wd-cell': { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: '0.875rem', boxSizing: 'border-box' },
        '& .wd-head': { position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper', fontWeight: 600 },
      }}
    >
      <Box role="rowgroup" className="wd-head">
        <div role="row" className="wd-row" aria-rowindex={1}>
          {headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const label = <table.FlexRender header={header} />;
            return (
              <div role="columnheader" className="wd-cell" key={header.id} style={cellStyles[header.id]} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                {header.column.getCanSort() ? (
                  <TableSortLabel active={sorted !== false} direction={sorted === false ? 'asc' : sorted} onClick={header.column.getToggleSortingHandler()}>
                    {label}
                  </TableSortLabel>
                ) : (
                  label
                )}
              </div>
            );
          })}
        </div>
      </Box>
      <Box role="rowgroup" className="wd-body" sx={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {table.getRowModel().rows.map((row, position) => {
          const item = items[position];
          if (!item) return null;
          return (
            <RecordLine
              key={row.id}
              index={row.original.index}
              record={row.original.record}
              start={item.start}
              columns={declared}
              cellStyles={cellStyles}
              language={i18n.language}
              timeZone={timeZone}
              loadingLabel={t('records.loadingMore')}
              onOpen={open}
            />
          );
        })}
      </Box>
    </Box>
  );
}

interface LineProps {
  index: number;
  record: RecordRow | undefined;
  start: number;
  columns: readonly RecordColumn[];
  cellStyles: Record<string, CSSProperties>;
  language: string;
  timeZone: string;
  loadingLabel: string;
  onOpen(record: RecordRow): void;
}

/** One row, memoised so that scrolling renders only the rows entering the view; Enter opens the record. */
const RecordLine = memo(function RecordLine({ index, record, start, columns, cellStyles, language, timeZone, loadingLabel, onOpen }: LineProps) {
  if (!record) {
    return (
      <div role="row" className="wd-row" aria-rowindex={index + 2} style={{ transform: `translateY(${start}px)`, opacity: 0.6 }}>
        <div role="cell" className="wd-cell">
          {loadingLabel}
        </div>
      </div>
    );
  }
  const path = recordPath(record.link);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a')) return;
    onOpen(record);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') onOpen(record);
  };
  return (
    <div role="row" className="wd-row" aria-rowindex={index + 2} tabIndex={path ? 0 : -1} style={{ transform: `translateY(${start}px)` }} onClick={onClick} onKeyDown={onKeyDown}>
      {columns.map((column, i) => {
        const text = formatCell(column, record.values[column.key], language, timeZone);
        return (
          <div role="cell" className="wd-cell" key={column.key} style={cellStyles[column.key]} title={text}>
            {i === 0 && path ? (
              <Link component={RouterLink} to={path} underline="hover" tabIndex={-1}>
                {text || '—'}
              </Link>
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );
});
