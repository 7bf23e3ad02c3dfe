import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SshHostKey } from '@shared/domain/checks';
import { formatDateTime } from '../../i18n/format';

/** The pinned key and the key the device offers now, side by side, so a person can compare them with what the device owner reads out. */
export function FingerprintPair({ hostKey }: { hostKey: SshHostKey }) {
  const { t, i18n } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
      <Fingerprint
        title={t('hostKeys.pinnedKey')}
        keyType={hostKey.keyType}
        fingerprint={hostKey.fingerprint}
        note={t('hostKeys.pinnedOn', { when: formatDateTime(hostKey.pinnedAt, i18n.language), by: hostKey.pinnedBy })}
      />
      <Fingerprint
        title={t('hostKeys.offeredKey')}
        keyType={hostKey.pendingKeyType ?? hostKey.keyType}
        fingerprint={hostKey.pendingFingerprint ?? ''}
        note={hostKey.pendingSince ? t('hostKeys.offeredSince', { when: formatDateTime(hostKey.pendingSince, i18n.language) }) : ''}
        changed
      />
    </Box>
  );
}

function Fingerprint({ title, keyType, fingerprint, note, changed = false }: { title: string; keyType: string; fingerprint: string; note: string; changed?: boolean }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 1.5, borderColor: changed ? 'warning.main' : undefined, borderWidth: changed ? 2 : 1 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {keyType}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', mt: 0.5 }}>
        {fingerprint}
      </Typography>
      {note ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
          {note}
        </Typography>
      ) : null}
    </Paper>
  );
}
