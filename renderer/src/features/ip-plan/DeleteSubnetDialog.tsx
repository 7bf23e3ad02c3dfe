import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/ErrorAlert';

interface Props {
  cidr: string;
  usedCount: number;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Deleting a subnet removes only the plan entry: the assets keep their addresses (which then show as outside every subnet). */
export function DeleteSubnetDialog({ cidr, usedCount, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('ipPlan.delete.title', { cidr })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1}>
          <DialogContentText>{usedCount > 0 ? t('ipPlan.delete.bodyUsed', { count: usedCount }) : t('ipPlan.delete.body')}</DialogContentText>
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} autoFocus>
          {t('ipPlan.dialog.cancel')}
        </Button>
        <Button color="error" variant="contained" loading={busy} onClick={() => void confirm()}>
          {t('ipPlan.delete.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
