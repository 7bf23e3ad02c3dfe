import { Link } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ServiceStatistics } from '@shared/domain/statistics';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { recordsLink } from './dashboard-links';
import { formatCount, formatDay, formatRatio } from './dashboard-format';
import { ChartArea, FigureCard, FigureTable, NoData } from './FigureCard';

/** The chart shows the worst few; the table lists every device. */
const CHART_ROWS = 10;

type Props = { stats: ServiceStatistics };

const assetLink = (assetId: string, name: string) => (
  <Link component={RouterLink} to={`/assets/${assetId}`} underline="hover">
    {name}
  </Link>
);

export function AvailabilityFigure({ stats }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const title = t('dashboard.availability.title');
  const worst = stats.availability.slice(0, CHART_ROWS);
  return (
    <FigureCard title={title} link={recordsLink('checkResults', stats.scope)} basis={t('dashboard.availability.basis')}>
      {stats.availability.length === 0 ? (
        <NoData />
      ) : (
        <>
          <ChartArea>
            <BarChart
              height={Math.max(160, worst.length * 28 + 40)}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: worst.map((row) => row.name), width: 140 }]}
              xAxis={[{ min: 0, max: 1, valueFormatter: (value: number) => formatRatio(value, i18n.language) }]}
              series={[{ data: worst.map((row) => row.availability ?? 0), color: theme.palette.success.main, valueFormatter: (value) => formatRatio(value, i18n.language) }]}
              hideLegend
              skipAnimation
            />
          </ChartArea>
          <FigureTable
            caption={t('dashboard.tableOf', { figure: title })}
            columns={[
              { header: t('dashboard.availability.asset'), cell: (row) => assetLink(row.assetId, row.name) },
              { header: t('dashboard.availability.checks'), align: 'right', cell: (row) => formatCount(row.checks, i18n.language) },
              { header: t('dashboard.availability.ok'), align: 'right', cell: (row) => formatCount(row.ok, i18n.language) },
              { header: t('dashboard.availability.availability'), align: 'right', cell: (row) => formatRatio(row.availability, i18n.language) },
            ]}
            rows={stats.availability}
            rowKey={(row) => row.assetId}
          />
        </>
      )}
    </FigureCard>
  );
}

export function FaultsFigure({ stats }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const title = t('dashboard.faults.title');
  const rows = stats.topFaultyAssets;
  return (
    <FigureCard title={title} link={recordsLink('incidents', stats.scope)}>
      {rows.length === 0 ? (
        <NoData />
      ) : (
        <>
          <ChartArea>
            <BarChart
              height={Math.max(160, rows.length * 28 + 40)}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: rows.map((row) => row.name), width: 140 }]}
              series={[{ data: rows.map((row) => row.incidents), color: theme.palette.error.main, valueFormatter: (value) => formatCount(value ?? 0, i18n.language) }]}
              hideLegend
              skipAnimation
            />
          </ChartArea>
          <FigureTable
            caption={t('dashboard.tableOf', { figure: title })}
            columns={[
              { header: t('dashboard.faults.asset'), cell: (row) => assetLink(row.assetId, row.name) },
              { header: t('dashboard.faults.incidents'), align: 'right', cell: (row) => formatCount(row.incidents, i18n.language) },
            ]}
            rows={rows}
            rowKey={(row) => row.assetId}
          />
        </>
      )}
    </FigureCard>
  );
}

export function WarrantyFigure({ stats, today }: Props & { today: string }) {
  const { t, i18n } = useTranslation();
  const title = t('dashboard.warranty.title');
  return (
    <FigureCard title={title} basis={t('dashboard.warranty.basis')}>
      {stats.warrantyEndingSoon.length === 0 ? (
        <NoData />
      ) : (
        <FigureTable
          caption={title}
          columns={[
            { header: t('dashboard.warranty.asset'), cell: (row) => assetLink(row.assetId, row.name) },
            {
              header: t('dashboard.warranty.ends'),
              align: 'right',
              cell: (row) => `${formatDay(Date.parse(`${row.warrantyEnd}T12:00:00Z`), i18n.language, 'UTC')}${row.warrantyEnd < today ? ` (${t('dashboard.warranty.ended')})` : ''}`,
            },
          ]}
          rows={stats.warrantyEndingSoon}
          rowKey={(row) => row.assetId}
          maxHeight={320}
        />
      )}
    </FigureCard>
  );
}
