import { Box, Button, ButtonBase, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import { SparkLineChart } from '@mui/x-charts/SparkLineChart';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/api';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useApiResource } from '../../assets/use-api-resource';
import { formatDateTimeSeconds, formatMetricValue, formatTimeTick } from '../check-format';

type Latest = MethodOutput<'checks.latest'>[number];
type History = MethodOutput<'checks.history'>;

/** Points in the small trend: a few weeks of daily rounds. */
const TREND_POINTS = 60;
const TREND_WIDTH = 96;
const TREND_HEIGHT = 36;
/** Points in the large chart. */
const HISTORY_POINTS = 500;

/** Oldest first, as a chart reads; core may answer newest first. */
function chronological(points: History): History {
  return [...points].sort((a, b) => a.at - b.at);
}

/**
 * A small line of the metric's recent values. It loads again only when a new
 * value arrives (the key holds the latest time), not on every stored result.
 */
export function MetricTrend({ assetId, metric, label, onOpen }: { assetId: string; metric: Latest; label: string; onOpen(): void }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const { data } = useApiResource<History>(`${assetId}|${metric.name}|${metric.at}`, () =>
    api.call('checks.history', { assetId, metric: metric.name, limit: TREND_POINTS }),
  );
  const values = data ? chronological(data).map((point) => point.value) : [];
  // One value is no trend yet; the tile keeps its place so the grid does not jump when the second arrives.
  if (values.length < 2) return <Box sx={{ width: TREND_WIDTH, height: TREND_HEIGHT, flexShrink: 0 }} />;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const name = t('checks.trend.open', {
    metric: label,
    count: values.length,
    min: formatMetricValue(min, metric.unit, i18n.language),
    max: formatMetricValue(max, metric.unit, i18n.language),
  });
  return (
    <ButtonBase onClick={onOpen} aria-label={name} title={name} sx={{ flexShrink: 0, borderRadius: 1, '&:focus-visible': { outline: 2, outlineColor: 'primary.main' }, '&:hover': { bgcolor: 'action.hover' } }}>
      <Box aria-hidden sx={{ width: TREND_WIDTH, height: TREND_HEIGHT, pointerEvents: 'none' }}>
        <SparkLineChart
          data={values}
          width={TREND_WIDTH}
          height={TREND_HEIGHT}
          curve="linear"
          area={false}
          showHighlight={false}
          showTooltip={false}
          skipAnimation
          color={theme.palette.primary.main}
          // A flat series sits in the middle, not on the top edge.
          yAxis={min === max ? { min: min - 1, max: max + 1 } : {}}
        />
      </Box>
    </ButtonBase>
  );
}

/** Every stored value of one metric: a chart with times and values, and the same numbers as a table for reading and for screen readers. */
export function MetricHistoryDialog({ assetId, metric, label, onClose }: { assetId: string; metric: Latest; label: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const theme = useTheme();
  const titleId = useId();
  const { data, error, reload } = useApiResource<History>(`${assetId}|${metric.name}`, () =>
    api.call('checks.history', { assetId, metric: metric.name, limit: HISTORY_POINTS }),
  );
  const points = data ? chronological(data) : null;
  const span = points && points.length > 1 ? points[points.length - 1]!.at - points[0]!.at : 0;
  const format = (value: number | null) => (value === null ? '' : formatMetricValue(value, metric.unit, language));

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('checks.trend.title', { metric: label })}</DialogTitle>
      <DialogContent dividers>
        {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
        {points === null ? (
          error ? null : (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
              <CircularProgress aria-label={t('app.loading')} />
            </Box>
          )
        ) : points.length === 0 ? (
          <Typography color="text.secondary">{t('checks.trend.none')}</Typography>
        ) : (
          <Stack spacing={2}>
            <Box aria-hidden>
              <LineChart
                height={280}
                xAxis={[
                  {
                    data: points.map((point) => new Date(point.at)),
                    scaleType: 'time',
                    // Ticks no closer than a second, the finest the labels show.
                    tickMinStep: 1000,
                    tickNumber: 6,
                    valueFormatter: (value: Date, context) =>
                      context.location === 'tick' ? formatTimeTick(value.getTime(), span, language) : formatDateTimeSeconds(value.getTime(), language),
                  },
                ]}
                yAxis={[{ valueFormatter: (value: number) => format(value), width: 72 }]}
                series={[{ data: points.map((point) => point.value), label, valueFormatter: format, showMark: points.length <= 40, color: theme.palette.primary.main }]}
                hideLegend
                skipAnimation
                margin={{ right: 32, left: 8 }}
              />
            </Box>
            <TableContainer sx={{ maxHeight: 240 }}>
              <Table size="small" stickyHeader aria-label={t('checks.trend.tableLabel', { metric: label })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('checks.trend.when')}</TableCell>
                    <TableCell align="right">{t('checks.trend.value')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...points].reverse().map((point) => (
                    <TableRow key={point.at}>
                      <TableCell>{formatDateTimeSeconds(point.at, language)}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {format(point.value)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('checks.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
