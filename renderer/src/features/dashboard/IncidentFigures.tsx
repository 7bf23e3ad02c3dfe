import { Link, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { Gauge } from '@mui/x-charts/Gauge';
import { INCIDENT_CATEGORIES } from '@shared/domain/incidents';
import { PRIORITIES } from '@shared/domain/sla';
import type { ServiceStatistics } from '@shared/domain/statistics';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { formatSpan } from '../sla/sla-format';
import { recordsLink } from './dashboard-links';
import { formatCount, formatMonth, formatRatio } from './dashboard-format';
import { ChartArea, FigureCard, FigureTable, NoData } from './FigureCard';

const CHART_HEIGHT = 220;
/** The breach list shows this many; the records view has the rest. */
const BREACHES_SHOWN = 50;

type Props = { stats: ServiceStatistics };

export function RoundsFigure({ stats }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const { rounds, scope } = stats;
  const bars = [
    { key: 'scheduled', value: rounds.scheduled, color: theme.palette.info.main },
    { key: 'done', value: rounds.done, color: theme.palette.success.main },
    { key: 'overdue', value: rounds.overdue, color: theme.palette.error.main },
    { key: 'inProgress', value: rounds.inProgress, color: theme.palette.warning.main },
  ] as const;
  const title = t('dashboard.rounds.title');
  const empty = bars.every((bar) => bar.value === 0);
  return (
    <FigureCard title={title} link={recordsLink('rounds', scope)}>
      {empty ? (
        <NoData />
      ) : (
        <ChartArea>
          <BarChart
            height={CHART_HEIGHT}
            xAxis={[{ scaleType: 'band', data: bars.map((bar) => t(`dashboard.rounds.${bar.key}`)), colorMap: { type: 'ordinal', colors: bars.map((bar) => bar.color) } }]}
            series={[{ data: bars.map((bar) => bar.value), valueFormatter: (value) => formatCount(value ?? 0, i18n.language) }]}
            hideLegend
            skipAnimation
          />
        </ChartArea>
      )}
      <FigureTable
        caption={t('dashboard.tableOf', { figure: title })}
        columns={[
          { header: title, cell: (row) => t(`dashboard.rounds.${row.key}`) },
          { header: '#', align: 'right', cell: (row) => formatCount(row.value, i18n.language) },
        ]}
        rows={[...bars, { key: 'anomalies', value: rounds.anomalies, color: '' } as const]}
        rowKey={(row) => row.key}
      />
    </FigureCard>
  );
}

/** Incidents by one dimension: a bar per value, and a table row per value linking to its records. */
function CountsFigure({ stats, title, header, entries, narrow }: Props & { title: string; header: string; entries: { key: string; label: string; count: number }[]; narrow?: (key: string) => Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const { scope } = stats;
  return (
    <FigureCard title={title} link={recordsLink('incidents', scope)}>
      {stats.incidents.total === 0 ? (
        <NoData />
      ) : (
        <>
          <ChartArea>
            <BarChart
              height={CHART_HEIGHT}
              xAxis={[{ scaleType: 'band', data: entries.map((entry) => entry.label) }]}
              series={[{ data: entries.map((entry) => entry.count), label: t('dashboard.incidents.count'), color: theme.palette.primary.main, valueFormatter: (value) => formatCount(value ?? 0, i18n.language) }]}
              hideLegend
              skipAnimation
            />
          </ChartArea>
          <FigureTable
            caption={t('dashboard.tableOf', { figure: title })}
            columns={[
              {
                header,
                cell: (entry) =>
                  narrow ? (
                    <Link component={RouterLink} to={recordsLink('incidents', scope, narrow(entry.key))} underline="hover">
                      {entry.label}
                    </Link>
                  ) : (
                    entry.label
                  ),
              },
              { header: t('dashboard.incidents.count'), align: 'right', cell: (entry) => formatCount(entry.count, i18n.language) },
            ]}
            rows={entries}
            rowKey={(entry) => entry.key}
          />
        </>
      )}
    </FigureCard>
  );
}

export function CategoryFigure({ stats }: Props) {
  const { t } = useTranslation();
  const entries = INCIDENT_CATEGORIES.map((category) => ({ key: category, label: t(`incidents.categories.${category}`), count: stats.incidents.byCategory[category] ?? 0 }));
  return <CountsFigure stats={stats} title={t('dashboard.incidents.byCategory')} header={t('dashboard.incidents.category')} entries={entries} narrow={(key) => ({ categories: key })} />;
}

export function PriorityFigure({ stats }: Props) {
  const { t } = useTranslation();
  const entries = PRIORITIES.map((priority) => ({ key: priority, label: `${priority} ${t(`incidents.priorities.${priority}`)}`, count: stats.incidents.byPriority[priority] ?? 0 }));
  return <CountsFigure stats={stats} title={t('dashboard.incidents.byPriority')} header={t('dashboard.incidents.priority')} entries={entries} narrow={(key) => ({ priorities: key })} />;
}

export function MonthFigure({ stats }: Props) {
  const { t, i18n } = useTranslation();
  const entries = stats.incidents.byMonth.map(({ month, count }) => ({ key: month, label: formatMonth(month, i18n.language), count }));
  return <CountsFigure stats={stats} title={t('dashboard.incidents.byMonth')} header={t('dashboard.incidents.month')} entries={entries} />;
}

export function SlaFigure({ stats }: Props) {
  const { t, i18n } = useTranslation();
  const { sla, scope } = stats;
  const title = t('dashboard.sla.title');
  const shown = sla.breaches.slice(0, BREACHES_SHOWN);
  return (
    <FigureCard title={title} link={recordsLink('incidents', scope, { slaStates: ['missed', 'breached'] })}>
      {sla.compliance === null ? (
        <Typography color="text.secondary">{t('dashboard.sla.noTargets')}</Typography>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <ChartArea>
            <Gauge height={140} width={140} value={Math.round(sla.compliance * 1000) / 10} valueMin={0} valueMax={100} text={() => formatRatio(sla.compliance, i18n.language)} />
          </ChartArea>
          <Stack spacing={0.5} sx={{ minWidth: 180 }}>
            <Typography>{t('dashboard.sla.compliance', { ratio: formatRatio(sla.compliance, i18n.language), measured: formatCount(sla.measured, i18n.language) })}</Typography>
            <Typography variant="body2" color="text.secondary">
              {t('statistics.figures.slaMet')}: {formatCount(sla.met, i18n.language)} · {t('statistics.figures.slaBreached')}: {formatCount(sla.breached, i18n.language)}
            </Typography>
          </Stack>
        </Stack>
      )}
      {sla.breaches.length > 0 ? (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
            {t('dashboard.sla.breaches')}
          </Typography>
          <FigureTable
            caption={t('dashboard.sla.breaches')}
            columns={[
              {
                header: t('dashboard.sla.number'),
                cell: (breach) => (
                  <Link component={RouterLink} to={`/incidents/${breach.incidentId}`} underline="hover">
                    {breach.number}
                  </Link>
                ),
              },
              { header: t('dashboard.sla.incidentTitle'), cell: (breach) => breach.title },
              { header: t('dashboard.sla.priority'), cell: (breach) => breach.priority },
              { header: t('dashboard.sla.timer'), cell: (breach) => t(`sla.timers.${breach.timer}`) },
              { header: t('dashboard.sla.dueAt'), cell: (breach) => formatDateTime(breach.dueAt, i18n.language) },
            ]}
            rows={shown}
            rowKey={(breach) => `${breach.incidentId}-${breach.timer}`}
            maxHeight={320}
          />
          {sla.breaches.length > shown.length ? (
            <Typography variant="caption" color="text.secondary">
              {t('dashboard.sla.breachesMore', { shown: shown.length, total: sla.breaches.length })}
            </Typography>
          ) : null}
        </>
      ) : null}
    </FigureCard>
  );
}

export function TimesFigure({ stats }: Props) {
  const { t } = useTranslation();
  const { incidents, scope } = stats;
  const span = (ms: number | null) => (ms === null ? t('dashboard.times.none') : formatSpan(ms, t));
  return (
    <FigureCard title={t('dashboard.times.title')} link={recordsLink('incidents', scope)} basis={t('dashboard.times.basis')}>
      <Stack direction="row" spacing={4}>
        {[
          { label: t('dashboard.times.respond'), value: span(incidents.meanTimeToRespondMs) },
          { label: t('dashboard.times.resolve'), value: span(incidents.meanTimeToResolveMs) },
        ].map((item) => (
          <Stack key={item.label}>
            <Typography variant="body2" color="text.secondary">
              {item.label}
            </Typography>
            <Typography variant="h4" component="p">
              {item.value}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </FigureCard>
  );
}
