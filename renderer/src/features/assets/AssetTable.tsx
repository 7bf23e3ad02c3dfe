import { Box, Checkbox, Link, TableSortLabel, Typography } from '@mui/material';
import {
  columnSizingFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Asset } from '@shared/domain/assets';
import { announce } from './confirmations';
import { formatCount, formatURange, locationPath } from './asset-format';
import { StatusChip, WarrantyFlag } from './AssetBadges';
import { MAX_SELECTION, PAGE_SIZE, useAssetList, type AssetSortField } from './assets-list.store';

/** One line of the table: its position in the whole list and the asset, once its page has loaded. */
interface ListRow {
  index: number;
  asset: Asset | undefined;
}

const ROW_HEIGHT = 44;
/** Rows loaded beyond the visible ones, so a scroll by a screen shows no placeholders. */
const PREFETCH_ROWS = 60;

const features = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnMeta: {} as { sortField?: AssetSortField; grow?: number },
});
const helper = createColumnHelper<typeof features, ListRow>();

/**
 * The asset list as a virtualised table: only the rows in view (and a few
 * around them) are in the DOM, whatever the total, and their pages are fetched
 * as they scroll into view. TanStack Table holds the columns, the sort state
 * and the cell rendering; it is given only the rows on screen, because row
 * models over 100,000 placeholder rows would cost more than they bring.
 * Sorting happens in core (manualSorting), selection in the list store (it
 * spans rows that were never loaded).
 */
export function AssetTable({ height }: { height: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const total = useAssetList((state) => state.total) ?? 0;
  const sort = useAssetList((state) => state.sort);
  const setSort = useAssetList((state) => state.setSort);
  const ensureRange = useAssetList((state) => state.ensureRange);
  const resetCount = useAssetList((state) => state.resetCount);
  const pages = useAssetList((state) => state.pages);
  const selection = useAssetList((state) => state.selection);
  const selecting = useAssetList((state) => state.selecting);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [initialOffset] = useState(() => useAssetList.getState().scrollTop);

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

  // A new search, filter or sort starts at the top of the new list.
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
        return { index: item.index, asset: page?.rows[item.index % PAGE_SIZE] };
      }),
    // The virtual items change identity on every scroll frame; the rows only when the range or the data does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [first, last, items.length, pages],
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: 'select', size: 48, minSize: 48, enableSorting: false }),
        helper.accessor((row) => row.asset?.name, { id: 'name', size: 200, minSize: 140, meta: { sortField: 'name', grow: 3 }, header: () => t('assets.columns.name') }),
        helper.accessor((row) => row.asset?.type, { id: 'type', size: 100, minSize: 72, meta: { sortField: 'type' }, header: () => t('assets.columns.type') }),
        helper.accessor((row) => row.asset?.vendor, { id: 'vendor', size: 100, minSize: 72, meta: { sortField: 'vendor', grow: 1 }, header: () => t('assets.columns.vendor') }),
        helper.accessor((row) => row.asset?.model, { id: 'model', size: 110, minSize: 72, meta: { sortField: 'model', grow: 1 }, header: () => t('assets.columns.model') }),
        helper.accessor((row) => row.asset?.status, { id: 'status', size: 96, minSize: 88, meta: { sortField: 'status' }, header: () => t('assets.columns.status') }),
        helper.accessor((row) => row.asset?.assetTag, { id: 'assetTag', size: 124, minSize: 96, meta: { sortField: 'assetTag', grow: 1 }, header: () => t('assets.columns.assetTag') }),
        helper.accessor((row) => row.asset?.managementIps, { id: 'managementIps', size: 130, minSize: 112, enableSorting: false, header: () => t('assets.columns.managementIps') }),
        helper.accessor((row) => row.asset?.warrantyEnd, { id: 'warrantyEnd', size: 140, minSize: 132, meta: { sortField: 'warrantyEnd' }, header: () => t('assets.columns.warrantyEnd') }),
        helper.accessor((row) => row.asset?.location, { id: 'location', size: 200, minSize: 120, enableSorting: false, meta: { grow: 2 }, header: () => t('assets.columns.location') }),
      ]),
    // Headers read the current language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );

  const sorting = useMemo<SortingState>(() => [{ id: sort.field, desc: sort.direction === 'desc' }], [sort]);
  const table = useTable(
    {
      features,
      columns,
      data,
      getRowId: (row) => row.asset?.id ?? `pending-${row.index}`,
      manualSorting: true,
      enableSortingRemoval: false,
      enableMultiSort: false,
      state: { sorting },
      onSortingChange: (updater: Updater<SortingState>) => {
        const next = typeof updater === 'function' ? updater(sorting) : updater;
        const first = next[0];
        if (first) setSort({ field: first.id as AssetSortField, direction: first.desc ? 'desc' : 'asc' });
      },
    },
    (state) => ({ sorting: state.sorting }),
  );

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const widthKey = headers
    .map((header) => `${header.id}:${header.getSize()}:${header.column.columnDef.minSize ?? header.getSize()}:${header.column.columnDef.meta?.grow ?? 0}`)
    .join(',');
  // One style object per column for the whole table, so memoised rows see the same props.
  // Columns start at their size, share extra width by `grow`, and give way down to `minSize`.
  const { cellStyles, minWidth } = useMemo(() => {
    const styles: Record<string, CSSProperties> = {};
    let total = 0;
    for (const entry of widthKey.split(',')) {
      const [id = '', size = '100', min = '100', grow = '0'] = entry.split(':');
      styles[id] = { flex: `${grow} 1 ${size}px`, minWidth: Number(min) };
      total += Number(min);
    }
    return { cellStyles: styles, minWidth: total };
  }, [widthKey]);

  const allSelected = total > 0 && selection.size >= Math.min(total, MAX_SELECTION);
  const someSelected = selection.size > 0 && !allSelected;

  const toggleAll = async () => {
    const list = useAssetList.getState();
    if (list.selection.size > 0) {
      list.clearSelection();
      return;
    }
    const { capped } = await list.selectAllMatching();
    if (capped) announce(t('assets.selectionCapped', { max: formatCount(MAX_SELECTION, i18n.language) }), { severity: 'info' });
  };

  const openAsset = useCallback((id: string) => void navigate(`/assets/${id}`), [navigate]);
  const rowsById = table.getRowModel().rows;

  return (
    <Box
      ref={scrollRef}
      role="table"
      aria-label={t('assets.tableLabel')}
      aria-rowcount={total + 1}
      aria-busy={selecting}
      onScroll={(event) => useAssetList.getState().setScrollTop(event.currentTarget.scrollTop)}
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
        '& .wd-body .wd-row[aria-selected="true"]': { bgcolor: 'action.selected' },
        '& .wd-cell[data-column="select"]': { px: 0.5, textOverflow: 'clip' },
        '& .wd-cell': { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: '0.875rem', boxSizing: 'border-box' },
        '& .wd-head': { position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper', fontWeight: 600 },
        '& .wd-head .wd-cell': { textOverflow: 'clip' },
      }}
    >
      <Box role="rowgroup" className="wd-head" sx={{ minWidth }}>
        <div role="row" className="wd-row" aria-rowindex={1}>
          {headers.map((header) => {
            const id = header.id;
            if (id === 'select') {
              return (
                <div role="columnheader" className="wd-cell" data-column="select" key={id} style={cellStyles[id]}>
                  <Checkbox
                    size="small"
                    checked={allSelected}
                    indeterminate={someSelected}
                    disabled={total === 0 || selecting}
                    onChange={() => void toggleAll()}
                    slotProps={{ input: { 'aria-label': selection.size > 0 ? t('assets.clearSelection') : t('assets.selectAll') } }}
                  />
                </div>
              );
            }
            const canSort = header.column.getCanSort();
            const sorted = header.column.getIsSorted();
            const label = <table.FlexRender header={header} />;
            return (
              <div
                role="columnheader"
                className="wd-cell"
                key={id}
                style={cellStyles[id]}
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
        {rowsById.map((row, position) => {
          const item = items[position];
          if (!item) return null;
          return (
            <AssetRow
              key={row.id}
              index={row.original.index}
              asset={row.original.asset}
              start={item.start}
              selected={row.original.asset ? selection.has(row.original.asset.id) : false}
              cellStyles={cellStyles}
              onOpen={openAsset}
            />
          );
        })}
      </Box>
    </Box>
  );
}

interface RowProps {
  index: number;
  asset: Asset | undefined;
  start: number;
  selected: boolean;
  cellStyles: Record<string, CSSProperties>;
  onOpen(id: string): void;
}

/**
 * One row. Memoised: while scrolling, only rows that enter the view render.
 * The cells are written out here rather than through column `cell`
 * functions, so a row renders without going through the table instance.
 */
const AssetRow = memo(function AssetRow({ index, asset, start, selected, cellStyles, onOpen }: RowProps) {
  const { t, i18n } = useTranslation();
  const toggleRow = useAssetList((state) => state.toggleRow);

  if (!asset) {
    return (
      <div role="row" className="wd-row" aria-rowindex={index + 2} style={{ transform: `translateY(${start}px)` }}>
        <div role="cell" className="wd-cell" data-column="select" style={cellStyles['select']} />
        <div role="cell" className="wd-cell" style={{ ...cellStyles['name'], opacity: 0.5 }}>
          {t('assets.rowLoading')}
        </div>
      </div>
    );
  }

  const onRowClick = (event: MouseEvent<HTMLDivElement>) => {
    // Clicks on the checkbox and the name link do their own thing.
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    onOpen(asset.id);
  };
  const toggle = async (extend: boolean) => {
    const { capped } = await toggleRow(index, asset.id, extend);
    if (capped) announce(t('assets.selectionCapped', { max: formatCount(MAX_SELECTION, i18n.language) }), { severity: 'info' });
  };
  const [firstIp, ...moreIps] = asset.managementIps;
  const placement = asset.rackUStart && asset.rackUHeight ? ` · ${formatURange(asset.rackUStart, asset.rackUHeight)}` : '';
  // The room and rack tell an engineer where to walk; client and site are in the tooltip.
  const where = [asset.location.roomName, asset.location.rackName].filter(Boolean).join(' / ');
  const location = where ? where + placement : '';
  const fullLocation = locationPath(asset.location) + placement;

  return (
    <div role="row" className="wd-row" aria-rowindex={index + 2} aria-selected={selected} style={{ transform: `translateY(${start}px)` }} onClick={onRowClick}>
      <div role="cell" className="wd-cell" data-column="select" style={cellStyles['select']}>
        <Checkbox
          size="small"
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => void toggle(event.shiftKey)}
          slotProps={{ input: { 'aria-label': t('assets.selectRow', { name: asset.name }) } }}
        />
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['name']}>
        <Link component={RouterLink} to={`/assets/${asset.id}`} underline="hover" sx={{ fontWeight: 500 }}>
          {asset.name}
        </Link>
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['type']}>
        {t(`assetTypes.${asset.type}`)}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['vendor']} title={asset.vendor}>
        {asset.vendor}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['model']} title={asset.model}>
        {asset.model}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['status']}>
        <StatusChip status={asset.status} />
      </div>
      <div role="cell" className="wd-cell" style={{ ...cellStyles['assetTag'], fontFamily: 'monospace' }} title={asset.assetTag}>
        {asset.assetTag}
      </div>
      <div role="cell" className="wd-cell" style={{ ...cellStyles['managementIps'], fontFamily: 'monospace' }} title={asset.managementIps.join(', ')}>
        {firstIp ?? ''}
        {moreIps.length > 0 ? (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
            {t('assets.moreIps', { count: moreIps.length })}
          </Typography>
        ) : null}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['warrantyEnd']}>
        {asset.warrantyEnd ?? ''}
        {asset.warrantyEndingSoon ? (
          <Box component="span" sx={{ ml: 0.5 }}>
            <WarrantyFlag warrantyEnd={asset.warrantyEnd} />
          </Box>
        ) : null}
      </div>
      <div role="cell" className="wd-cell" style={cellStyles['location']} title={fullLocation}>
        {location}
      </div>
    </div>
  );
});
