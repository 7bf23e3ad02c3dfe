import { Box, CircularProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { formatDateTime } from '../../../i18n/format';
import { useApiResource } from '../../assets/use-api-resource';
import { formatMetricValue, formatTimeTick } from '../../checks/check-format';
import type { ReadingItem } from './reading-items';

/** One item's readings over time at a room or an asset: a chart, and the same numbers as a table for reading and screen readers. */
export function ReadingsChart({ item, where }: { item: ReadingItem; where: { roomId: string } | { assetId: string } }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const theme = useTheme();
  const key = `${item.key}|${'roomId' in where ? `room:${where.roomId}` : `asset:${where.assetId}`}`;
  const { data, error, reload } = useApiResource(key, () => api.call('rounds.readings', { itemKey: item.key, ...where }));
  if (error && !data) return <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} />;
  if (!data) return <CircularProgress aria-label={t('app.loading')} />;
  const points = [...data].sort((a, b) => a.at - b.at);
  if (points.length === 0) return <Typography color="text.secondary">{t('rounds.history.noReadings')}</Typography>;
  const format = (value: number | null) => (value === null ? '' : formatMetricValue(value, item.unit || null, language));
  const span = points.length > 1 ? points[points.length - 1]!.at - points[0]!.at : 0;
  return (
    <>
      <Box aria-hidden>
        <LineChart
          height={280}
          xAxis={[
            {
              data: points.map((point) => new Date(point.at)),
              scaleType: 'time',
              tickNumber: 6,
              valueFormatter: (value: Date, context) => (context.location === 'tick' ? formatTimeTick(value.getTime(), span, language) : formatDateTime(value.getTime(), language)),
            },
          ]}
          yAxis={[{ valueFormatter: (value: number) => format(value), width: 72 }]}
          series={[{ data: points.map((point) => point.value), label: item.label, valueFormatter: format, showMark: points.length <= 60, color: theme.palette.primary.main }]}
          hideLegend
          skipAnimation
          margin={{ right: 32, left: 8 }}
        />
      </Box>
      <TableContainer sx={{ maxHeight: 260 }}>
        <Table size="small" stickyHeader aria-label={t('rounds.history.readingsTable', { item: item.label })}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rounds.history.when')}</TableCell>
              <TableCell align="right">{t('rounds.history.value')}</TableCell>
              <TableCell>{t('rounds.history.outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...points].reverse().map((point) => (
              <TableRow key={`${point.roundId}-${point.at}`}>
                <TableCell>{formatDateTime(point.at, language)}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format(point.value)}
                </TableCell>
                <TableCell>{point.outcome === 'ok' || point.outcome === 'warning' || point.outcome === 'failed' ? t(`rounds.outcomes.${point.outcome}`) : point.outcome}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
