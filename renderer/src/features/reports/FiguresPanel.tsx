import { Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ServiceReportDetail } from '@shared/api/reports.contract';
import { INCIDENT_CATEGORIES } from '@shared/domain/incidents';

/** Horizontal bars drawn with boxes: the figures stay readable as text for screen readers. */
function Bars({ label, bars }: { label: string; bars: { key: string; label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <Box component="figure" sx={{ m: 0, flex: 1, minWidth: 260 }}>
      <Typography component="figcaption" variant="subtitle2" sx={{ mb: 1 }}>
        {label}
      </Typography>
      <Stack spacing={0.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {bars.map((bar) => (
          <Stack key={bar.key} component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ width: 80, flexShrink: 0 }} noWrap>
              {bar.label}
            </Typography>
            <Box sx={{ flex: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
              <Box aria-hidden sx={{ height: 12, width: `${(bar.value / max) * 100}%`, minWidth: bar.value > 0 ? 2 : 0, bgcolor: 'primary.main', borderRadius: 0.5 }} />
              <Typography variant="body2">{bar.value}</Typography>
            </Box>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}

const percent = (ratio: number | null, language: string) =>
  ratio === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** The figures of the period, read-only: the summary table and the charts the PDF draws. */
export function FiguresPanel({ detail }: { detail: ServiceReportDetail }) {
  const { t, i18n } = useTranslation();
  const s = detail.statistics;
  const rows: [string, number, string][] = [
    [t('reports.figures.rounds'), s.rounds.done, t('reports.figures.roundsDetail', { scheduled: s.rounds.scheduled, overdue: s.rounds.overdue })],
    [t('reports.figures.incidents'), s.incidents.total, t('reports.figures.incidentsDetail', { resolved: s.incidents.resolved, open: s.incidents.open })],
    [t('reports.figures.consultations'), s.consultations, ''],
    [t('reports.figures.problems'), s.problems, ''],
    [t('reports.figures.changes'), s.changes, t('reports.figures.changesDetail', { implemented: s.changesImplemented })],
    [t('reports.figures.drills'), detail.report.drills, t('reports.figures.drillsDetail')],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Table size="small" aria-label={t('reports.figures.summary')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('reports.figures.category')}</TableCell>
            <TableCell align="right">{t('reports.figures.count')}</TableCell>
            <TableCell>{t('reports.figures.detail')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([label, count, detailText]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell align="right" data-testid="figure-count">
                {count}
              </TableCell>
              <TableCell>{detailText}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t('reports.figures.sla')}</TableCell>
            <TableCell align="right">{percent(s.sla.compliance, i18n.language)}</TableCell>
            <TableCell>{t('reports.figures.slaDetail', { met: s.sla.met, breached: s.sla.breached })}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Stack direction="row" spacing={4} useFlexGap sx={{ mt: 3, flexWrap: 'wrap' }}>
        <Bars
          label={t('reports.figures.byCategory')}
          bars={INCIDENT_CATEGORIES.map((category) => ({ key: category, label: t(`reports.categories.${category}`), value: s.incidents.byCategory[category] ?? 0 }))}
        />
        <Bars label={t('reports.figures.byMonth')} bars={s.incidents.byMonth.map((month) => ({ key: month.month, label: month.month, value: month.count }))} />
      </Stack>
    </Paper>
  );
}
