import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.store';
import { PageHeader } from '../../app/ui/PageHeader';
import { SlaPoliciesSection } from '../sla/SlaPoliciesSection';
import { HostKeysSection } from '../ssh-host-keys/HostKeysSection';
import { ActivitySettings } from './ActivitySettings';
import { LanguageSettings, ThemeSettings } from './AppearanceSettings';
import { BackupSettings } from './BackupSettings';
import { ProfileSettings } from './ProfileSettings';
import { SettingsSection } from './SettingsSection';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack spacing={3} sx={{ maxWidth: 880 }}>
        <LanguageSettings />
        <ThemeSettings />
        <ProfileSettings />
        <BackupSettings />
        <SlaPoliciesSection />
        <HostKeysSection />
        <ActivitySettings />
        <AboutSection />
      </Stack>
    </>
  );
}

function AboutSection() {
  const { t } = useTranslation();
  const info = useSession((state) => state.info);
  if (!info) return null;
  return (
    <SettingsSection title={t('settings.about.title')}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
        <Typography component="dt" variant="body2" color="text.secondary">
          {t('settings.about.version')}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
          {info.appVersion}
        </Typography>
        <Typography component="dt" variant="body2" color="text.secondary">
          {t('settings.about.dataDir')}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {info.dataDir}
        </Typography>
      </Box>
    </SettingsSection>
  );
}
