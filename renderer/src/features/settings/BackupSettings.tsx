import BackupIcon from '@mui/icons-material/Backup';
import { Button, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { useFocusAfterBusy } from '../../app/forms/use-focus-after-busy';
import { notify, reportError } from '../../app/errors/report-error';
import { BackupTable } from '../backups/BackupTable';
import { useBackups } from '../backups/backups.store';
import { SettingsSection } from './SettingsSection';

export function BackupSettings() {
  const { t } = useTranslation();
  const backups = useBackups((state) => state.backups);
  const loadError = useBackups((state) => state.loadError);
  const creating = useBackups((state) => state.creating);
  const load = useBackups((state) => state.load);
  const createNow = useBackups((state) => state.createNow);
  const backUpButton = useFocusAfterBusy<HTMLButtonElement>(creating);

  useEffect(() => {
    void load();
  }, [load]);

  async function backUpNow() {
    try {
      await createNow();
      notify(t('settings.backups.created'));
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <SettingsSection
      title={t('settings.backups.title')}
      actions={
        <Button ref={backUpButton} variant="outlined" startIcon={<BackupIcon />} loading={creating} onClick={() => void backUpNow()}>
          {t('settings.backups.createNow')}
        </Button>
      }
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t('settings.backups.intro')}
        </Typography>
        {loadError ? <ErrorAlert error={loadError} action={{ label: t('app.retry'), run: () => void load() }} /> : null}
        {backups && backups.length === 0 ? <Typography>{t('settings.backups.empty')}</Typography> : null}
        {backups && backups.length > 0 ? <BackupTable backups={backups} /> : null}
      </Stack>
    </SettingsSection>
  );
}
