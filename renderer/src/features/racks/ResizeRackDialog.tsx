import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RackHeight } from '@shared/domain/locations';
import { isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';

const HEIGHT_MIN = RackHeight.minValue ?? 1;
const HEIGHT_MAX = RackHeight.maxValue ?? 60;

interface Props {
  rackName: string;
  heightU: number;
  onResize(heightU: number): Promise<void>;
  onClose(): void;
}

/** Changes a rack's height; core refuses a height below the highest device, and that answer is shown at the field. */
export function ResizeRackDialog({ rackName, heightU, onResize, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [text, setText] = useState(String(heightU));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tooSmall, setTooSmall] = useState<number | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const value = Number(text);
  const invalid = text.trim() === '' || !RackHeight.safeParse(value).success;
  const problem = tooSmall !== null ? t('racks.tooSmall', { highestU: String(tooSmall) }) : attempted && invalid ? t('racks.heightRange', { min: String(HEIGHT_MIN), max: String(HEIGHT_MAX) }) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (invalid || busy) return;
    setBusy(true);
    setServerError(null);
    setTooSmall(null);
    try {
      await onResize(value);
      onClose();
    } catch (error) {
      setBusy(false);
      const highest = isApiClientError(error) && error.code === 'racks.height-too-small' ? (error.details as { highestU?: unknown } | undefined)?.highestU : undefined;
      if (typeof highest === 'number') setTooSmall(highest);
      else setServerError(error);
      inputRef.current?.focus();
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{t('racks.resizeTitle', { name: rackName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <TextField
              autoFocus
              type="number"
              label={t('racks.heightLabel')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setTooSmall(null);
              }}
              inputRef={inputRef}
              error={problem !== null}
              helperText={problem ?? ' '}
              slotProps={{ htmlInput: { min: HEIGHT_MIN, max: HEIGHT_MAX, step: 1 } }}
            />
            {serverError ? <ErrorAlert error={serverError} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('racks.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('racks.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
