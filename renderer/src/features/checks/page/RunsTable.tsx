import StopIcon from '@mui/icons-material/Stop';
import { Button, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CheckRun } from '@shared/domain/checks';
import { reportError } from '../../../app/errors/report-error';
import { formatDateTime } from '../../../i18n/format';
import { runView, useCheckRuns } from '../check-runs.store';

/** Recent runs, newest first: what ran, when, how far it got and how much failed. */
export function RunsTable({ runs, selectedId, onSelect }: { runs: readonly CheckRun[]; selectedId: string | null; onSelect(runId: string): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const progress = useCheckRuns((state) => state.progress);
  const cancelling = useCheckRuns((state) => state.cancelling);
  const cancel = useCheckRuns((state) => state.cancel);

  if (runs.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('checks.runs.empty')}
      </Typography>
    );
  }

  return (
    <TableContainer>
      <Table size="small" aria-label={t('checks.runs.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('checks.runs.columns.label')}</TableCell>
            <TableCell>{t('checks.runs.columns.started')}</TableCell>
            <TableCell>{t('checks.runs.columns.kinds')}</TableCell>
            <TableCell>{t('checks.runs.columns.status')}</TableCell>
            <TableCell>{t('checks.runs.columns.progress')}</TableCell>
            <TableCell align="right">{t('checks.runs.columns.failed')}</TableCell>
            <TableCell align="right">{t('checks.runs.columns.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => {
            const view = runView({ runs: { [run.id]: run }, progress, cancelling }, run.id)!;
            const label = run.label || t('checks.runs.unnamed');
            const selected = run.id === selectedId;
            return (
              <TableRow key={run.id} selected={selected} aria-selected={selected}>
                <TableCell sx={{ fontWeight: selected ? 600 : undefined }}>{label}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.startedAt, language)}</TableCell>
                <TableCell>{run.kinds.map((kind) => t(`checks.kinds.${kind}`)).join(t('checkSettings.listSeparator'))}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={run.status === 'running' ? 'primary' : run.status === 'cancelled' ? 'default' : run.failed > 0 ? 'warning' : 'success'}
                    label={t(`checks.runStatuses.${run.status}`)}
                  />
                </TableCell>
                <TableCell sx={{ minWidth: 140 }}>
                  <Stack spacing={0.25}>
                    <Typography variant="body2">{t('checks.progress.counts', { done: String(view.done), total: String(view.total) })}</Typography>
                    {view.running ? <LinearProgress variant="determinate" value={view.total > 0 ? (view.done / view.total) * 100 : 0} aria-label={t('checks.runs.progressOf', { label })} /> : null}
                  </Stack>
                </TableCell>
                <TableCell align="right" sx={{ color: run.failed > 0 ? 'error.main' : undefined, fontWeight: run.failed > 0 ? 600 : undefined }}>
                  {run.failed}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {view.running ? (
                    <Button size="small" color="inherit" startIcon={<StopIcon />} loading={view.cancelling} onClick={() => void cancel(run.id).catch(reportError)} aria-label={t('checks.runs.cancelRun', { label })}>
                      {t('checks.cancel')}
                    </Button>
                  ) : null}
                  <Button size="small" onClick={() => onSelect(run.id)} aria-label={t('checks.runs.showResultsOf', { label })} aria-pressed={selected}>
                    {t('checks.runs.showResults')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
