import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { Alert, AlertTitle, Box, Button, Link, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SshHostKey } from '@shared/domain/checks';
import { AcceptHostKeyDialog } from './AcceptHostKeyDialog';
import { FingerprintPair } from './FingerprintPair';
import { HOST_KEYS_ANCHOR } from './HostKeysSection';

/** On a device's checks: its SSH host key changed, so SSH checks and configuration backups of it are blocked until someone decides. */
export function HostKeyBanner({ hostKey, onAccepted }: { hostKey: SshHostKey; onAccepted(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const target = `${hostKey.address}:${hostKey.port}`;
  return (
    <Alert severity="error" icon={<GppMaybeIcon />} variant="outlined" sx={{ borderWidth: 2 }} role="alert">
      <AlertTitle>{t('hostKeys.banner.title')}</AlertTitle>
      <Stack spacing={1.5}>
        <Box>{t('hostKeys.banner.body', { target })}</Box>
        <FingerprintPair hostKey={hostKey} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" variant="outlined" color="warning" onClick={() => setConfirming(true)}>
            {t('hostKeys.acceptFor', { target })}
          </Button>
          <Link component={RouterLink} to={`/settings#${HOST_KEYS_ANCHOR}`}>
            {t('hostKeys.banner.review')}
          </Link>
        </Stack>
      </Stack>
      {confirming ? <AcceptHostKeyDialog hostKey={hostKey} onClose={() => setConfirming(false)} onAccepted={onAccepted} /> : null}
    </Alert>
  );
}
