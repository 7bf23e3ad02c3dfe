import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshHostKey } from '@shared/domain/checks';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { announce } from '../assets/confirmations';
import { FingerprintPair } from './FingerprintPair';

/**
 * The one place a changed host key is trusted. It says what the change can
 * mean before the button that accepts it, and Cancel is the default.
 */
export function AcceptHostKeyDialog({ hostKey, onClose, onAccepted }: { hostKey: SshHostKey; onClose(): void; onAccepted?(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const target = `${hostKey.address}:${hostKey.port}`;

  async function accept() {
    if (!hostKey.pendingFingerprint) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('sshHostKeys.accept', { address: hostKey.address, port: hostKey.port, fingerprint: hostKey.pendingFingerprint });
      announce(t('hostKeys.accepted', { target }));
      onAccepted?.();
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
      cancelRef.current?.focus();
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} aria-describedby={bodyId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('hostKeys.confirm.title', { target })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning" id={bodyId}>
            {t('hostKeys.confirm.risk')}
          </Alert>
          <DialogContentText>{t('hostKeys.confirm.howToCheck')}</DialogContentText>
          <Box>
            <FingerprintPair hostKey={hostKey} />
          </Box>
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button ref={cancelRef} onClick={onClose} disabled={busy} autoFocus>
          {t('hostKeys.confirm.cancel')}
        </Button>
        <Button color="warning" variant="contained" loading={busy} onClick={() => void accept()}>
          {t('hostKeys.confirm.accept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
