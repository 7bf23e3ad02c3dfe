import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/api';
import type { ConfigBackupSummary } from '@shared/domain/checks';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatBytes } from '../../i18n/format';
import { formatDateTimeSeconds } from '../checks/check-format';
import { useApiResource } from '../assets/use-api-resource';
import { DiffView } from './DiffView';

const MONO = '"Cascadia Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace';

/** One configuration version, with line numbers so a line can be named on the phone. */
export function ConfigVersionDialog({ backup, onClose }: { backup: ConfigBackupSummary; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTimeSeconds(backup.fetchedAt, i18n.language);
  const { data, error, reload } = useApiResource<MethodOutput<'configBackups.get'>>(backup.id, () => api.call('configBackups.get', { id: backup.id }));
  const lines = data ? data.content.replace(/\r\n/g, '\n').split('\n') : [];
  const label = t('configBackups.versionLabel', { when });
  return (
    <ConfigDialog title={t('configBackups.versionTitle', { when })} onClose={onClose} error={error} onRetry={reload} loading={data === null}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('configBackups.versionFacts', { command: backup.command, size: formatBytes(backup.sizeBytes, i18n.language), sha: backup.sha256 })}
      </Typography>
      <Box tabIndex={0} role="region" aria-label={label} sx={{ overflow: 'auto', maxHeight: '60vh', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Box component="table" sx={{ borderCollapse: 'collapse', fontFamily: MONO, fontSize: '0.8rem', lineHeight: 1.5, width: '100%' }}>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <Box component="td" aria-hidden sx={{ px: 1, textAlign: 'right', color: 'text.secondary', userSelect: 'none', width: '1%', borderRight: 1, borderColor: 'divider' }}>
                  {index + 1}
                </Box>
                <Box component="td" sx={{ px: 1.5, whiteSpace: 'pre' }}>
                  {line}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      </Box>
    </ConfigDialog>
  );
}

/** What changed from one version to another: the counts, then the unified diff. */
export function ConfigDiffDialog({ from, to, onClose }: { from: ConfigBackupSummary; to: ConfigBackupSummary; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const fromWhen = formatDateTimeSeconds(from.fetchedAt, language);
  const toWhen = formatDateTimeSeconds(to.fetchedAt, language);
  const { data, error, reload } = useApiResource<MethodOutput<'configBackups.diff'>>(`${from.id}>${to.id}`, () => api.call('configBackups.diff', { fromId: from.id, toId: to.id }));
  return (
    <ConfigDialog title={t('configBackups.diff.title', { from: fromWhen, to: toWhen })} onClose={onClose} error={error} onRetry={reload} loading={data === null} wide>
      {data ? (
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 600 }}>
              {t('configBackups.diff.addedCount', { count: data.added })}
            </Typography>
            <Typography variant="body2" sx={{ color: 'error.main', fontWeight: 600 }}>
              {t('configBackups.diff.removedCount', { count: data.removed })}
            </Typography>
          </Stack>
          {data.unified.trim() === '' ? (
            <Typography color="text.secondary">{t('configBackups.diff.same')}</Typography>
          ) : (
            <DiffView unified={data.unified} label={t('configBackups.diff.label', { from: fromWhen, to: toWhen })} />
          )}
        </Stack>
      ) : null}
    </ConfigDialog>
  );
}

function ConfigDialog({ title, onClose, error, onRetry, loading, wide = false, children }: { title: string; onClose(): void; error: unknown; onRetry(): void; loading: boolean; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth={wide ? 'lg' : 'md'} fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers>
        {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: onRetry }} /> : null}
        {loading && !error ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        ) : null}
        {loading ? null : children}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('checks.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
