import StopIcon from '@mui/icons-material/Stop';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../check-runs.store';

/**
 * A running (or just finished) run: a bar, the counts in words, and Cancel.
 * The counts line is a polite live region so a screen reader hears the run
 * end without being told every step.
 */
export function RunProgress({ view, label, onCancel }: { view: RunView; label: string; onCancel(): void }) {
  const { t } = useTranslation();
  const { done, total, failed, running, cancelling, run } = view;
  const percent = total > 0 ? Math.round((done / total) * 100) : running ? 0 : 100;
  const counts = t('checks.progress.counts', { done: String(done), total: String(total) });
  const status = running ? (cancelling ? t('checks.progress.cancelling') : t('checks.progress.running')) : t(`checks.runStatuses.${run.status}`);
  return (
    <Box data-run={run.id}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Box sx={{ flex: '1 1 240px', minWidth: 200 }}>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={label}
            aria-valuetext={counts}
            color={failed > 0 ? 'warning' : running ? 'primary' : 'success'}
            sx={{ height: 8, borderRadius: 4 }}
          />
        </Box>
        <Typography variant="body2" role="status" aria-live="polite" sx={{ whiteSpace: 'nowrap' }}>
          {status} · {counts}
          {failed > 0 ? ` · ${t('checks.progress.failed', { count: failed })}` : ''}
        </Typography>
        {running ? (
          <Button size="small" variant="outlined" color="inherit" startIcon={<StopIcon />} loading={cancelling} onClick={onCancel}>
            {t('checks.cancel')}
          </Button>
        ) : null}
      </Stack>
    </Box>
  );
}
