import InsightsIcon from '@mui/icons-material/Insights';
import { Box, CircularProgress, LinearProgress, Stack, Typography } from '@mui/material';
import { localDate } from '@shared/rounds/schedule-periods';
import type { StatisticsScope } from '@shared/domain/statistics';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useApiResource } from '../assets/use-api-resource';
import { useLocations } from '../locations/locations.store';
import { formatDay } from './dashboard-format';
import { localTimeZone } from './dashboard-period';
import { periodOf, useDashboardFilters } from './dashboard.store';
import { DashboardFilters, placeOptions } from './DashboardFilters';
import { AvailabilityFigure, FaultsFigure, WarrantyFigure } from './DeviceFigures';
import { CategoryFigure, MonthFigure, PriorityFigure, RoundsFigure, SlaFigure, TimesFigure } from './IncidentFigures';
import { SummaryCards } from './SummaryCards';

/** Other windows, a sync or an import write records in bursts: recompute once the burst is over. */
const REFRESH_DELAY_MS = 800;

/** How the service is going: the figures of a period and place (issue #8), each leading to its records. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const filters = useDashboardFilters();
  const tree = useLocations((state) => state.tree);
  const loadLocations = useLocations((state) => state.load);
  const timeZone = useMemo(() => localTimeZone(), []);
  // The day the presets are cut from; moves on when the page is opened on a later day.
  const [today] = useState(() => Date.now());
  const period = periodOf(filters, today, timeZone);
  const scope: StatisticsScope | null = period ? { ...period, locationId: filters.locationId, engineer: filters.engineer, timeZone } : null;
  const key = scope ? JSON.stringify(scope) : null;
  const stats = useApiResource(key, () => api.call('statistics.compute', { scope: scope as StatisticsScope }));
  const engineers = useApiResource('engineers', () => api.call('statistics.engineers', {}));

  useEffect(() => {
    if (tree === null) void loadLocations();
  }, [tree, loadLocations]);

  const reloadStats = stats.reload;
  const reloadEngineers = engineers.reload;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const off = api.on('records.changed', () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        reloadStats();
        reloadEngineers();
      }, REFRESH_DELAY_MS);
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reloadStats, reloadEngineers]);

  // Figures computed for older filters stay on screen, dimmed, until the new ones arrive.
  const [shown, setShown] = useState(stats.data);
  if (stats.data !== null && stats.data !== shown) setShown(stats.data);
  const busy = key !== null && stats.data === null && !stats.error;

  const placeName = placeOptions(tree).find((place) => place.id === filters.locationId)?.name ?? t('dashboard.everywhere');
  const subtitle = period
    ? t('dashboard.subtitle', {
        from: formatDay(period.from, i18n.language, timeZone),
        to: formatDay(period.to - 1, i18n.language, timeZone),
        place: filters.locationId ? placeName : t('dashboard.everywhere'),
        engineer: filters.engineer ?? t('dashboard.everyone'),
      })
    : undefined;
  const refresh = () => {
    reloadStats();
    reloadEngineers();
  };
  const data = key === null ? null : shown;
  const nothing =
    data !== null &&
    data.incidents.total === 0 &&
    data.rounds.scheduled + data.rounds.done + data.rounds.inProgress === 0 &&
    data.consultations + data.problems + data.changes === 0 &&
    data.availability.length === 0;

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={subtitle} />
      <DashboardFilters tree={tree} engineers={engineers.data ?? []} onRefresh={refresh} busy={busy} />
      {stats.error ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('dashboard.loadFailed')} error={stats.error} action={{ label: t('app.retry'), run: refresh }} />
        </Box>
      ) : null}
      {busy && data ? <LinearProgress aria-label={t('dashboard.loading')} sx={{ mb: 1 }} /> : null}
      {key === null ? null : data === null ? (
        stats.error ? null : (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 4 }} role="status">
            <CircularProgress size={24} aria-hidden />
            <Typography>{t('dashboard.loading')}</Typography>
          </Stack>
        )
      ) : (
        <Box sx={{ opacity: busy ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={busy}>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
            {t('dashboard.computedAt', { time: formatDateTime(data.computedAt, i18n.language) })}
          </Typography>
          <SummaryCards stats={data} />
          {nothing ? (
            <Box sx={{ mb: 3 }}>
              <EmptyState icon={<InsightsIcon />} title={t('dashboard.empty.title')} body={t('dashboard.empty.body')} />
            </Box>
          ) : null}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
            <RoundsFigure stats={data} />
            <SlaFigure stats={data} />
            <CategoryFigure stats={data} />
            <PriorityFigure stats={data} />
            <MonthFigure stats={data} />
            <TimesFigure stats={data} />
            <AvailabilityFigure stats={data} />
            <FaultsFigure stats={data} />
            <WarrantyFigure stats={data} today={localDate(today, timeZone)} />
          </Box>
        </Box>
      )}
    </>
  );
}
