import { Alert, AlertTitle, Box, CircularProgress, Container, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '@shared/api/system.contract';
import type { BackupInfo } from '@shared/domain/backups';
import { BackupTable } from '../features/backups/BackupTable';
import { useBackups } from '../features/backups/backups.store';
import { ErrorAlert } from './errors/ErrorAlert';

/**
 * The database failed its integrity check or could not be opened, so only the
 * recovery methods work. This screen replaces the whole app: nothing else
 * could run, and the engineer must see what happened and what to do.
 */
export function RecoveryScreen({ info }: { info: SystemInfo }) {
  const { t } = useTranslation();
  const backups = useBackups((state) => state.backups);
  const loadError = useBackups((state) => state.loadError);
  const load = useBackups((state) => state.load);
  const restore = useBackups((state) => state.restore);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);

  useEffect(() => {
    void load();
  }, [load]);

  async function restoreBackup(backup: BackupInfo) {
    setRestoring(backup.file);
    setRestoreError(null);
    try {
      await restore(backup.file);
      // Core has reopened the store; start over so every view reads the restored data.
      window.location.reload();
    } catch (error) {
      setRestoreError(error);
      setRestoring(null);
    }
  }

  return (
    <Box component="main" sx={{ minHeight: '100vh', py: 6, bgcolor: 'background.default' }}>
      <Container maxWidth="md">
        <Stack spacing={3}>
          <Typography variant="h1">{t('recovery.title')}</Typography>
          <Typography>{t('recovery.intro')}</Typography>
          <Alert severity="warning">
            <AlertTitle>{t('recovery.reason')}</AlertTitle>
            {info.recoveryReason ?? t('recovery.unknownReason')}
          </Alert>
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              {t('recovery.backupsTitle')}
            </Typography>
            {loadError ? <ErrorAlert error={loadError} action={{ label: t('app.retry'), run: () => void load() }} /> : null}
            {restoreError ? <ErrorAlert error={restoreError} /> : null}
            {backups === null && !loadError ? <CircularProgress aria-label={t('app.loading')} /> : null}
            {backups && backups.length === 0 ? <Typography>{t('recovery.noBackups')}</Typography> : null}
            {backups && backups.length > 0 ? (
              <BackupTable backups={backups} onRestore={(backup) => void restoreBackup(backup)} restoringFile={restoring} />
            ) : null}
            {restoring ? (
              <Typography role="status" sx={{ mt: 2 }}>
                {t('recovery.restoring')}
              </Typography>
            ) : null}
          </Paper>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {t('recovery.dataDir')}
            </Typography>
            <Typography component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {info.dataDir}
            </Typography>
          </Box>
        </Stack>
      </Container>
    </Box>
  );
}
