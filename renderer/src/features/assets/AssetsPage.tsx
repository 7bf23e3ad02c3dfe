import AddIcon from '@mui/icons-material/Add';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, CircularProgress, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { AssetTransferActions } from '../asset-transfer/AssetTransferActions';
import { ImportWizardDialog } from '../asset-transfer/ImportWizardDialog';
import { formatCount } from './asset-format';
import { useAssetForm } from './asset-form.store';
import { AssetFilters } from './AssetFilters';
import { filterIsActive, toApiFilter, touchesAssetList, useAssetList } from './assets-list.store';
import { AssetTable } from './AssetTable';

/** How long a burst of records.changed events (an import, a sync) is gathered into one reload. */
const RELOAD_DELAY_MS = 120;

export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const total = useAssetList((state) => state.total);
  const totalCapped = useAssetList((state) => state.totalCapped);
  const filter = useAssetList((state) => state.filter);
  const searchText = useAssetList((state) => state.searchText);
  const sort = useAssetList((state) => state.sort);
  const loadError = useAssetList((state) => state.loadError);
  const loading = useAssetList((state) => state.inFlight > 0 || state.selecting);
  const selection = useAssetList((state) => state.selection);
  const clearSelection = useAssetList((state) => state.clearSelection);
  const clearFilters = useAssetList((state) => state.clearFilters);
  const openForm = useAssetForm((state) => state.open);
  const [importOpen, setImportOpen] = useState(false);

  // Coming back to the page shows the cached rows at once and refreshes them behind.
  useEffect(() => {
    const list = useAssetList.getState();
    list.invalidate('refresh');
    void list.loadVendors();
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.on('records.changed', ({ entities }) => {
      if (!touchesAssetList(entities)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const list = useAssetList.getState();
        list.invalidate('refresh');
        void list.loadVendors();
      }, RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  const selectedIds = useMemo(() => [...selection], [selection]);
  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);
  const filtering = filterIsActive(filter) || searchText.trim() !== '';
  const add = () => openForm({ mode: 'create', prefill: {} });
  const addButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={add}>
      {t('assets.add')}
    </Button>
  );
  const nothingYet = total === 0 && !filtering;

  return (
    <>
      <PageHeader
        title={t('assets.title')}
        actions={
          nothingYet || total === null ? null : (
            <>
              <AssetTransferActions filter={apiFilter} sort={sort} selectedIds={selectedIds} />
              {addButton}
            </>
          )
        }
      />
      {loadError ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('assets.loadFailed')} error={loadError} action={{ label: t('app.retry'), run: () => useAssetList.getState().invalidate('refresh') }} />
        </Box>
      ) : null}
      {total === null ? (
        loadError ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('assets.loading')} />
          </Box>
        )
      ) : nothingYet ? (
        <EmptyState
          icon={<Inventory2Icon />}
          title={t('assets.empty.title')}
          body={t('assets.empty.body')}
          action={
            <Stack direction="row" spacing={1}>
              {addButton}
              <Button variant="outlined" startIcon={<FileUploadIcon />} onClick={() => setImportOpen(true)}>
                {t('assets.import')}
              </Button>
            </Stack>
          }
        />
      ) : (
        <>
          <AssetFilters />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minHeight: 32, mb: 1 }}>
            <Typography role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
              {t('assets.total', { count: total, formatted: `${formatCount(total, i18n.language)}${totalCapped ? '+' : ''}` })}
            </Typography>
            {totalCapped ? <Typography color="text.secondary">{t('assets.totalCappedHint')}</Typography> : null}
            {selection.size > 0 ? (
              <>
                <Typography color="text.secondary">{t('assets.selected', { formatted: formatCount(selection.size, i18n.language) })}</Typography>
                <Button size="small" onClick={clearSelection}>
                  {t('assets.clearSelection')}
                </Button>
              </>
            ) : null}
            <Box sx={{ flexGrow: 1 }} />
          </Stack>
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress aria-label={t('assets.loading')} /> : null}</Box>
          {total === 0 ? (
            <EmptyState
              icon={<SearchOffIcon />}
              title={t('assets.noMatches.title')}
              body={t('assets.noMatches.body')}
              action={
                <Button variant="outlined" onClick={clearFilters}>
                  {t('assets.clearFilters')}
                </Button>
              }
            />
          ) : (
            <FillHeight>{(height) => <AssetTable height={height} />}</FillHeight>
          )}
        </>
      )}
      {importOpen ? <ImportWizardDialog open onClose={() => setImportOpen(false)} /> : null}
    </>
  );
}

/** Gives its child the height from its top to the bottom of the window, so the table scrolls inside the page. */
function FillHeight({ children }: { children: (height: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      // 24 px: the page's bottom padding.
      setHeight(Math.max(320, Math.floor(window.innerHeight - top - 24)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, []);
  return <div ref={ref}>{children(height)}</div>;
}
