import { Box, Link, TableSortLabel, Typography } from '@mui/material';
import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Incident } from '@shared/domain/incidents';
import { formatDateTime } from '../../../i18n/format';
import { useAssetLabels } from '../../assets/asset-names.store';
import { IncidentStatusChip, PriorityChip } from '../IncidentBadges';
import type { IncidentSortField } from './incident-list-filter';
import { PAGE_SIZE, useIncidentList } from './incidents-list.store';
import { IncidentSlaBadge } from '../sla/IncidentSla';

interface ListRow {
  index: number;
  incident: Incident | undefined;
  fetchedAt: number;
}

const ROW_HEIGHT = 44;
/** Rows loaded beyond the visible ones, so a scroll by a screen shows no placeholders. */
const PREFETCH_ROWS = 60;

const features = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnMeta: {} as { sortField?: IncidentSortField; grow?: number },
});
const helper = createColumnHelper<typeof features, ListRow>();

/**
 * The incident list as a virtualised table, built like the asset list: only
 * the rows in view are in the DOM, pages load as they scroll into view, and
 * sorting happens in core.
 */
export function IncidentTable({ height }: { height: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const total = useIncidentList((state) => state.total) ?? 0;
  const sort = useIncidentList((state) => state.sort);
  const setSort = useIncidentList((state) => state.setSort);
  const ensureRange = useIncidentList((state) => state.ensureRange);
  const resetCount = useIncidentList((state) => state.resetCount);
  const pages = useIncidentList((state) => state.pages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [initialOffset] = useState(() => useIncidentList.getState().scrollTop);

  // TanStack Virtual returns a mutable instance the React Compiler cannot memoise; this
  // component is not compiled, and nothing memoised below it reads the instance.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(Math.max(0, first - PREFETCH_ROWS), last + PREFETCH_ROWS);
  }, [first, last, ensureRange, total]);

  const seenReset = useRef(resetCount);
  useLayoutEffect(() => {
    if (seenReset.current !== resetCount) {
      seenReset.current = resetCount;
      virtualizer.scrollToOffset(0);
    }
  }, [resetCount, virtualizer]);

  const data = useMemo<ListRow[]>(
    () =>
      items.map((item) => {
        const page = pages[Math.floor(item.index / PAGE_SIZE)];
        return { index: item.index, incident: page?.rows[item.index % PAGE_SIZE], fetchedAt: page?.fetchedAt ?? 0 };
      }),
    // The virtual items change identity on every scroll frame; the rows only when the range or the data does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [first, last, items.length, pages],
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((row) => row.incident?.number, { id: 'number', size: 200, minSize: 180, meta: { sortField: 'number' }, header: () => t('incidents.columns.number') }),
        helper.accessor((row) => row.incident?.priority, { id: 'priority', size: 72, minSize: 64, meta: { sortField: 'priority' }, header: () => t('incidents.columns.priority') }),
        helper.accessor((row) => row.incident?.title, { id: 'title', size: 240, minSize: 140, enableSorting: false, meta: { grow: 3 }, header: () => t('incidents.columns.title') }),
        helper.accessor((row) => row.incident?.status, { id: 'status', size: 150, minSize: 120, meta: { sortField: 'status' }, header: () => t('incidents.columns.status') }),
        helper.accessor((row) => row.incident?.assetIds, { id: 'assets', size: 150, minSize: 100, enableSorting: false, meta: { grow: 1 }, header: () => t('incidents.columns.assets') }),
        helper.accessor((row) => row.incident?.assignee, { id: 'assignee', size: 96, minSize: 72, enableSorting: false, meta: { grow: 1 }, header: () => t('incidents.columns.assignee') }),
        helper.accessor((row) => row.incident?.reportedAt, { id: 'reportedAt', size: 165, minSize: 150, meta: { sortField: 'reportedAt' }, header: () => t('incidents.columns.reported') }),
        helper.accessor((row) => row.incident?.sla.nextDueAt, { id: 'nextDueAt', size: 200, minSize: 170, meta: { sortField: 'nextDueAt' }, header: () => t('incidents.columns.sla') }),
      ]),
    // Headers read the current language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );

  const sorting = useMemo<SortingState>(() => [{ id: sort.by, desc: sort.direction === 'desc' }], [sort]);
  const table = useTable(
    {
      features,
      columns,
      data,
      getRowId: (row) => row.incident?.id ?? `pending-${row.index}`,
      manualSorting: true,
      enableSortingRemoval: false,
      enableMultiSort: false,
      state: { sorting },
      onSortingChange: (updater: Updater<SortingState>) => {
        const next = typeof updater === 'function' ? updater(sorting) : updater;
        const chosen = next[0];
        if (chosen) setSort({ by: chosen.id as IncidentSortField, direction: chosen.desc ? 'desc' : 'asc' });
      },
    },
    (state) => ({ sorting: state.sorting }),
  );

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const widthKey = headers
    .map((header) => `${header.id}:${header.getSize()}:${header.column.columnDef.minSize ?? header.getSize()}:${header.column.columnDef.meta?.grow ?? 0}`)
    .join(',');
  const { cellStyles, minWidth } = useMemo(() => {
    const styles: Record<string, CSSProperties> = {};
    let sum = 0;
    for (const entry of widthKey.split(',')) {
      const [id = '', size = '100', min = '100', grow = '0'] = entry.split(':');
      styles[id] = { flex: `${grow} 1 ${size}px`, minWidth: Number(min) };
      sum += Number(min);
    }
    return { cellStyles: styles, minWidth: sum };
  }, [widthKey]);

  const openIncident = useCallback((id: string) => void navigate(`/incidents/${id}`), [navigate]);
  const rows = table.getRowModel().rows;

  return (
    <Box
      ref={scrollRef}
      role="table"
      aria-label={t('incidents.tableLabel')}
      aria-rowcount={total + 1}
      onScroll={(event) => useIncidentList.getState().setScrollTop(event.currentTarget.scrollTop)}
      sx={{
        height,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        position: 'relative',
        '& .wd-row': { display: 'flex', alignItems: 'center', height: ROW_HEIGHT, borderBottom: 1, borderColor: 'divider', boxSizing: 'border-box' },
        '& .wd-body .wd-row': { position: 'absolute', left: 0, width: '100%', cursor: 'pointer' },
        '& .wd-body .wd-row:hover': { bgcolor: 'action.hover' },
        '& .wd-cell': { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: '0.875rem', boxSizing: 'border-box' },
        '& .wd-head': { position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper', fontWeight: 600 },
        '& .wd-head .wd-cell': { textOverflow: 'clip' },
      }}
    >
      <Box role="rowgroup" className="wd-head" sx={{ minWidth }}>
        <div role="row" className="wd-row" aria-rowindex={1}>
          {headers.map((header) => {
            const canSort = header.column.getCanSort();
            const sorted = header.column.getIsSorted();
            const label = <table.FlexRender header={header} />;
            return (
              <div
                role="columnheader"
                className="wd-cell"
                key={header.id}
                style={cellStyles[header.id]}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              >
                {canSort ? (
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
      <Box role="rowgroup" className="wd-body" sx={{ position: 'relative', height: virtualizer.getTotalSize(), minWidth }}>
        {rows.map((row, position) => {
          const item = items[position];
          if (!item) return null;
          return (
            <IncidentRow
              key={row.id}
              index={row.original.index}
              incident={row.original.incident}
              fetchedAt={row.original.fetchedAt}
              start={item.start}
              cellStyles={cellStyles}
              onOpen={openIncident}
            />
          );
        })}
      </Box>
    </Box>
  );
}

interface RowProps {
  index: number;
  incident: Incident | undefined;
  fetchedAt: number;
  start: number;
  cellStyles: Record<string, CSSProperties>;
  onOpen(id: string): void;
}

/** One row, memoised so that while scrolling only rows entering the view render. */
const IncidentRow = memo(function IncidentRow({ index, incident, fetchedAt, start, cellStyles, onOpen }: RowProps) {
  const { t, i18n } = useTranslation();
  const assets = useAssetLabels(incident?.assetIds ?? []);

  if (!incident) {
    return (
      <div role="row" className="wd-row" aria-rowindex={index + 2} style={{ transform: `translateY(${start}px)` }}>
        <div role="cell" className="wd-cell" style={{ ...cellStyles['number'], opacity: 0.5 }}>
          {t('incidents.rowLoading')}
        </div>
      </div>
    );
  }

  const onRowClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    onOpen(incident.id);
  };
  const [firstAsset, ...moreAssets] = assets;
  const assetNames = assets.map((asset) => asset.name).join(t('incidents.filters.listSeparator'));

  return (
    <div role="row" className="wd-row" aria-rowindex={index + 2} style={{ transform: `translateY(${start}px)` }} onClick={onRowClick}>
      <div role="cell" className="wd-cell" style={{ ...cellStyles['number'], fontFamily: 'monospace', fontSize: '0.8rem' }} title={incident.number}>
        <Link component={RouterLink} to={`/incidents/${incident.id}`} underline="hover">
          {incident.number}
        </Link>
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['priority']}>
        <PriorityChip priority={incident.priority} overridden={incident.priorityOverride !== null} />
      </div>
      <div role="cell" className="wd-cell" style={{ ...cellStyles['title'], fontWeight: 500 }} title={incident.title}>
        {incident.title}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['status']}>
        <IncidentStatusChip status={incident.status} pendingReason={incident.pendingReason} />
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['assets']} title={assetNames}>
        {firstAsset?.name ?? (incident.assetIds.length > 0 ? '…' : '')}
        {moreAssets.length > 0 ? (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
            {t('incidents.moreAssets', { count: moreAssets.length })}
          </Typography>
        ) : null}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['assignee']} title={incident.assignee}>
        {incident.assignee || (
          <Typography component="span" variant="body2" color="text.secondary" title={t('incidents.unassigned')}>
            —
          </Typography>
        )}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['reportedAt']}>
        {formatDateTime(incident.reportedAt, i18n.language)}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['nextDueAt']}>
        <IncidentSlaBadge summary={incident.sla} fetchedAt={fetchedAt} />
      </div>
    </div>
  );
});
