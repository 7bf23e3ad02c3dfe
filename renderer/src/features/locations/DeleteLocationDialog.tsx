import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/ErrorAlert';

interface Props {
  name: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * Confirms a delete. The server decides whether the node may go (it refuses
 * while anything hangs under it, `locations.not-empty`); that answer is shown
 * here rather than in a snackbar that could be missed.
 */
export function DeleteLocationDialog({ name, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // The Delete button was disabled while the request ran, which drops keyboard
  // focus to <body> (and Escape with it); after a refusal, Cancel is what to do.
  useEffect(() => {
    if (serverError) cancelRef.current?.focus();
  }, [serverError]);

  async function confirm() {
    setBusy(true);
    setServerError(null);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setServerError(error);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('locations.deleteDialog.title', { name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('locations.deleteDialog.body')}</DialogContentText>
          {serverError ? <ErrorAlert error={serverError} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button ref={cancelRef} onClick={onClose} disabled={busy} autoFocus>
          {t('locations.cancel')}
        </Button>
        <Button color="error" variant="contained" loading={busy} onClick={() => void confirm()}>
          {t('locations.deleteDialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
