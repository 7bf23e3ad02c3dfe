import AddIcon from '@mui/icons-material/Add';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Alert, Box, Button, CircularProgress, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { useSession } from '../../app/session.store';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatCount } from '../assets/asset-format';
import { assetLabel, forgetAssetNames } from '../assets/asset-names.store';
import { IncidentFormHost } from './form/IncidentFormHost';
import { useIncidentForm } from './form/incident-form.store';
import { IncidentFilters } from './list/IncidentFilters';
import { filterIsActive, viewOf, type IncidentListView } from './list/incident-list-filter';
import { touchesIncidentList, useIncidentList } from './list/incidents-list.store';
import { IncidentTable } from './list/IncidentTable';
import { useNewIncidentShortcut } from './list/new-incident-shortcut';

/** How long a burst of records.changed events (a sync, say) is gathered into one reload. */
const RELOAD_DELAY_MS = 120;
/** SLA states change with time alone; the list catches up this often even when nothing was written. */
const SLA_REFRESH_MS = 60_000;

/**
 * 事件/故障: the incident list with its filters and the breach list, and the
 * form to record a new incident (button or N). Reached with `?assetId=` it
 * opens the form for that asset; with `?view=breaches` it shows the breach
 * list; with `?onAsset=` the incidents of one asset.
 */
export function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const total = useIncidentList((state) => state.total);
  const anyAtAll = useIncidentList((state) => state.anyAtAll);
  const filter = useIncidentList((state) => state.filter);
  const searchText = useIncidentList((state) => state.searchText);
  const loadError = useIncidentList((state) => state.loadError);
  const loading = useIncidentList((state) => state.inFlight > 0);
  const clearFilters = useIncidentList((state) => state.clearFilters);
  const setView = useIncidentList((state) => state.setView);
  const formOpen = useIncidentForm((state) => state.request !== null);
  const openForm = useIncidentForm((state) => state.open);
  const setAside = useIncidentForm((state) => state.setAside);
  const resume = useIncidentForm((state) => state.resume);
  const discardSetAside = useIncidentForm((state) => state.discardSetAside);
  const profileName = useSession((state) => state.info?.profile?.name ?? '');
  const [params, setParams] = useSearchParams();

  const startNew = () => openForm({ mode: 'create', prefill: { reporterName: profileName } });
  useNewIncidentShortcut(!formOpen, startNew);

  useEffect(() => {
    useIncidentList.getState().invalidate('refresh');
  }, []);

  // Links from elsewhere: the breach list, an asset's incidents, a new incident for an asset.
  const paramKey = params.toString();
  useEffect(() => {
    const current = new URLSearchParams(paramKey);
    const view = current.get('view');
    const onAsset = current.get('onAsset');
    const newFor = current.get('assetId');
    if (view === 'breaches' || view === 'all') useIncidentList.getState().setView(view);
    if (onAsset) {
      void api.call('assets.get', { id: onAsset }).then(
        ({ asset }) => useIncidentList.getState().setFilter({ asset: { id: asset.id, name: asset.name }, openOnly: false }),
        () => useIncidentList.getState().setFilter({ asset: { id: onAsset, name: onAsset.slice(0, 8) }, openOnly: false }),
      );
    }
    if (newFor) {
      void api.call('assets.get', { id: newFor }).then(
        ({ asset }) => openForm({ mode: 'create', prefill: { reporterName: profileName, assets: [assetLabel(asset)] } }),
        () => openForm({ mode: 'create', prefill: { reporterName: profileName } }),
      );
    }
    if (view || onAsset || newFor) setParams({}, { replace: true });
  }, [paramKey, setParams, openForm, profileName]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.on('records.changed', ({ entities }) => {
      if (entities.includes('asset') || entities.includes('*')) forgetAssetNames();
      if (!touchesIncidentList(entities)) return;
      clearTimeout(timer);
      timer = setTimeout(() => useIncidentList.getState().invalidate('refresh'), RELOAD_DELAY_MS);
    });
    const tick = setInterval(() => useIncidentList.getState().invalidate('refresh'), SLA_REFRESH_MS);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
      unsubscribe();
    };
  }, []);

  const view = viewOf(filter);
  const filtering = filterIsActive(filter) || searchText.trim() !== '';
  const nothingYet = total === 0 && anyAtAll === false && !filtering;
  // An empty open-only list: wait to learn whether anything was ever recorded before choosing what to say.
  const deciding = total === 0 && anyAtAll === null && !filtering;
  const addButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={startNew} aria-keyshortcuts="N" title={t('incidents.newShortcut')}>
      {t('incidents.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('incidents.title')} actions={nothingYet ? null : addButton} />
      {setAside ? (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Stack direction="row" spacing={1}>
              <Button color="inherit" size="small" onClick={resume}>
                {t('incidents.setAside.resume')}
              </Button>
              <Button color="inherit" size="small" onClick={discardSetAside}>
                {t('incidents.setAside.discard')}
              </Button>
            </Stack>
          }
        >
          {setAside.values.title ? t('incidents.setAside.bodyTitled', { title: setAside.values.title }) : t('incidents.setAside.body')}
        </Alert>
      ) : null}
      {loadError ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('incidents.loadFailed')} error={loadError} action={{ label: t('app.retry'), run: () => useIncidentList.getState().invalidate('refresh') }} />
        </Box>
      ) : null}
      {total === null || deciding ? (
        loadError ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('incidents.loading')} />
          </Box>
        )
      ) : nothingYet ? (
        <EmptyState icon={<ReportProblemIcon />} title={t('incidents.empty.title')} body={t('incidents.empty.body')} action={addButton} />
      ) : (
        <>
          <Tabs value={view} onChange={(_event, next: IncidentListView) => setView(next)} aria-label={t('incidents.views.label')} sx={{ mb: 1.5 }}>
            <Tab value="all" label={t('incidents.views.all')} />
            <Tab value="breaches" label={t('incidents.views.breaches')} />
          </Tabs>
          <IncidentFilters />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minHeight: 32, mb: 1 }}>
            <Typography role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
              {t('incidents.total', { count: total, formatted: formatCount(total, i18n.language) })}
            </Typography>
            {view === 'breaches' ? <Typography color="text.secondary">{t('incidents.views.breachesHint')}</Typography> : null}
          </Stack>
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress aria-label={t('incidents.loading')} /> : null}</Box>
          {total === 0 ? (
            view === 'breaches' && !filtering ? (
              <EmptyState icon={<ReportProblemIcon />} title={t('incidents.noBreaches.title')} body={t('incidents.noBreaches.body')} />
            ) : (
              <EmptyState
                icon={<SearchOffIcon />}
                title={t('incidents.noMatches.title')}
                body={filter.openOnly ? t('incidents.noMatches.bodyOpenOnly') : t('incidents.noMatches.body')}
                action={
                  <Button variant="outlined" onClick={clearFilters}>
                    {t('incidents.clearFilters')}
                  </Button>
                }
              />
            )
          ) : (
            <FillHeight>{(height) => <IncidentTable height={height} />}</FillHeight>
          )}
        </>
      )}
      <IncidentFormHost />
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
