import { Box, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { localDate } from '@shared/rounds/schedule-periods';
import { PERIOD_FIELD, RECORD_KINDS, type RecordKind, type RecordsSort } from '@shared/domain/records';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { useApiResource } from '../assets/use-api-resource';
import { ExportMenu } from '../exports/ExportMenu';
import { RecordsFilters } from './RecordsFilters';
import { RecordsTable } from './RecordsTable';
import { filterOf, lastDayOf, queryFromView, viewFromQuery, withKind, type RecordsView } from './records-query';
import { useRecordsList } from './use-records-list';

/**
 * The consolidated views: rounds, incidents, problems, changes and check
 * results across engineers and sites, one tab per kind, filtered by the same
 * scope as the dashboard (which links here). The view lives in the address.
 */
export function RecordsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromQuery(params), [params]);
  const setView = useCallback((next: RecordsView) => setParams(queryFromView(next)), [setParams]);
  const filter = useMemo(() => filterOf(view), [view]);
  const list = useRecordsList(filter, view.sort);
  const tree = useApiResource('locationTree', () => api.call('locations.tree', {}));
  const engineers = useApiResource('recordEngineers', () => api.call('records.engineers', {}));
  const count = new Intl.NumberFormat(i18n.language);
  const filtered = view.locationId !== null || view.engineer !== null || view.categories.length + view.priorities.length + view.slaStates.length + view.statuses.length > 0 || view.search !== '';

  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('records.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('records.subtitle', { from: localDate(view.period.from, view.timeZone), to: lastDayOf(view.period, view.timeZone), zone: view.timeZone })}
      </Typography>
      <Tabs value={view.kind} onChange={(_, kind: RecordKind) => setView(withKind(view, kind))} variant="scrollable" aria-label={t('records.kindsLabel')} sx={{ mb: 2 }}>
        {RECORD_KINDS.map((kind) => (
          <Tab key={kind} value={kind} label={t(`records.kinds.${kind}`)} />
        ))}
      </Tabs>
      <RecordsFilters key={view.kind} view={view} tree={tree.data ?? null} engineers={engineers.data ?? []} onChange={setView} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" role="status">
          {list.total === null ? t('records.loading') : t('records.total', { count: list.total, formatted: count.format(list.total) })}
        </Typography>
        <ExportMenu source={{ type: 'records', filter, sort: view.sort }} disabled={!list.total} />
      </Stack>
      <Box sx={{ height: 4 }}>{list.loading ? <LinearProgress aria-label={t('records.loading')} /> : null}</Box>
      {list.error ? (
        <ErrorAlert error={list.error} title={t('records.loadFailed')} action={{ label: t('records.retry'), run: list.reload }} />
      ) : list.total === 0 ? (
        <Box sx={{ py: 6, textAlign: 'center' }}>
          <Typography variant="h6" component="p">
            {filtered ? t('records.noMatches') : t('records.empty', { kind: t(`records.kinds.${view.kind}`) })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {filtered ? t('records.noMatchesHint') : t('records.emptyHint')}
          </Typography>
        </Box>
      ) : list.total !== null ? (
        <FillHeight>
          {(height) => (
            <RecordsTable
              kind={view.kind}
              rows={list.rows}
              total={list.total ?? 0}
              hasMore={list.hasMore}
              timeZone={view.timeZone}
              sort={view.sort}
              defaultSort={PERIOD_FIELD[view.kind]}
              height={height}
              onSort={(sort: RecordsSort) => setView({ ...view, sort })}
              onLoadMore={list.loadMore}
            />
          )}
        </FillHeight>
      ) : null}
    </Box>
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
    return () => window.removeEventListener('resize', measure);
  }, []);
  return <div ref={ref}>{children(height)}</div>;
}
