import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RACK_HEIGHT_U, LocationName, RackHeight } from '@shared/domain/locations';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { nameProblem } from '../../app/forms/name-problem';

export interface LocationNameInput {
  name: string;
  /** Only when the dialog asks for a rack's height. */
  heightU?: number;
}

interface Props {
  title: string;
  label: string;
  /** The parent the new node goes under, shown so the engineer sees where it lands. */
  context?: string;
  initialName?: string;
  /** A new rack also needs its height in U. */
  askHeight?: boolean;
  submitLabel: string;
  onSubmit(input: LocationNameInput): Promise<void>;
  onClose(): void;
}

// The schema's own bounds, so the message cannot disagree with the check.
const HEIGHT_MIN = RackHeight.minValue ?? 1;
const HEIGHT_MAX = RackHeight.maxValue ?? 60;

/**
 * Create and rename share one dialog: type, Enter submits, Escape cancels.
 * Empty and too-long names are caught here with the shared schema; what only
 * the server knows (a duplicate sibling, a vanished parent) is shown here too,
 * with its code, so the engineer can fix the name without starting over.
 * Rendered only while open, so each opening starts fresh.
 */
export function LocationNameDialog({ title, label, context, initialName = '', askHeight = false, submitLabel, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [name, setName] = useState(initialName);
  const [height, setHeight] = useState(String(DEFAULT_RACK_HEIGHT_U));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  // A click on the submit button leaves focus on it, and it is disabled while
  // the request runs, which drops focus to <body>; after a refusal the name is
  // what to fix, so focus goes back there (the alert is announced either way).
  useEffect(() => {
    if (serverError) nameRef.current?.focus();
  }, [serverError]);

  const problem = nameProblem(LocationName, name);
  const showProblem = problem !== null && (attempted || problem.key === 'tooLong');
  const heightU = Number(height);
  const heightInvalid = askHeight && (height.trim() === '' || !RackHeight.safeParse(heightU).success);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (problem || heightInvalid || busy) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit(askHeight ? { name: name.trim(), heightU } : { name: name.trim() });
      onClose();
    } catch (error) {
      setServerError(error);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={1}>
            {context ? <DialogContentText>{context}</DialogContentText> : null}
            <TextField
              label={label}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setServerError(null);
              }}
              autoFocus
              inputRef={nameRef}
              required
              fullWidth
              margin="dense"
              autoComplete="off"
              error={showProblem}
              helperText={showProblem && problem ? t(`validation.${problem.key}`, problem.key === 'tooLong' ? { max: problem.max } : {}) : ' '}
            />
            {askHeight ? (
              <TextField
                label={t('locations.heightLabel')}
                value={height}
                onChange={(event) => setHeight(event.target.value)}
                type="number"
                required
                margin="dense"
                sx={{ maxWidth: 240 }}
                slotProps={{ htmlInput: { min: HEIGHT_MIN, max: HEIGHT_MAX, step: 1 } }}
                error={heightInvalid}
                helperText={heightInvalid ? t('validation.heightRange', { min: HEIGHT_MIN, max: HEIGHT_MAX }) : ' '}
              />
            ) : null}
            {serverError ? <ErrorAlert error={serverError} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('locations.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
