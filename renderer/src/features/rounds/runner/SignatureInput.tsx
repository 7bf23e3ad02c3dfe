import DrawIcon from '@mui/icons-material/Draw';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryValue, RoundEntry } from '@shared/domain/rounds';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { uploadSignature } from './signature-upload';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import type { RunnerRow } from './runner-model';

/** A signature item (the client's representative, a witness): signed in a dialog, stored as a PNG. */
export function SignatureInput({ roundId, row, entry, locked, onSave }: { roundId: string; row: RunnerRow; entry: RoundEntry | undefined; locked: boolean; onSave(value: EntryValue): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {entry?.value.type === 'signature' ? <Typography variant="body2">{t('rounds.runner.signed')}</Typography> : null}
      {locked ? null : (
        <Button size="small" variant="outlined" startIcon={<DrawIcon />} onClick={() => setOpen(true)}>
          {entry ? t('rounds.runner.signAgain') : t('rounds.runner.sign')}
        </Button>
      )}
      {open ? (
        <SignatureDialog
          title={row.item.label}
          onClose={() => setOpen(false)}
          onSigned={async (base64) => {
            const attachmentId = await uploadSignature(roundId, base64);
            onSave({ type: 'signature', attachmentId });
          }}
        />
      ) : null}
    </Stack>
  );
}

function SignatureDialog({ title, onSigned, onClose }: { title: string; onSigned(base64: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const pad = useRef<SignaturePadHandle>(null);
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const base64 = await pad.current?.toPngBase64();
    if (!base64) return;
    setBusy(true);
    setError(null);
    try {
      await onSigned(base64);
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error ? <ErrorAlert error={error} /> : null}
          <TextField label={t('rounds.sign.nameForPad')} value={name} onChange={(event) => setName(event.target.value)} autoFocus size="small" />
          <SignaturePad ref={pad} name={name} label={t('rounds.sign.drawHere')} onChange={setEmpty} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('rounds.cancel')}</Button>
        <Button variant="contained" disabled={empty || busy} onClick={() => void submit()}>
          {t('rounds.sign.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
