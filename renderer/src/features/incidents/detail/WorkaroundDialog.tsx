import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incidents';
import { SYSTEM_DOWN_DEFAULTS } from '@shared/domain/sla';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { fromLocalDateTimeInput } from '../incident-format';

const TEXT_MAX = 4000;

/** 应急方案: what was given to keep the business running while a system-down fault is not yet fixed. */
export function WorkaroundDialog({ incident, onDone, onClose }: { incident: Incident; onDone(updated: Incident): void; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [text, setText] = useState(incident.workaround || (incident.resolution?.workaround ?? ''));
  const [at, setAt] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // "Now" for the future-time check, renewed with every edit (render must not read the clock).
  const [now, setNow] = useState(() => Date.now());

  const trimmed = text.trim();
  const textProblem = trimmed === '' ? 'required' : trimmed.length > TEXT_MAX ? 'tooLong' : null;
  const atValue = at.trim() === '' ? undefined : fromLocalDateTimeInput(at);
  const atProblem = atValue === null ? 'dateTime' : atValue !== undefined && atValue > now + 60_000 ? 'future' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setNow(Date.now());
    if (textProblem || atProblem || atValue === null || (atValue !== undefined && atValue > Date.now() + 60_000)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('incidents.recordWorkaround', { id: incident.id, text: trimmed, ...(atValue === undefined ? {} : { at: atValue }) }));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{t('incidents.workaround.title')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1.5}>
            <DialogContentText>{t('incidents.workaround.body', { hours: SYSTEM_DOWN_DEFAULTS.workaroundHours })}</DialogContentText>
            <TextField
              multiline
              minRows={3}
              autoFocus
              required
              label={t('incidents.workaround.text')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setNow(Date.now());
              }}
              error={attempted && textProblem !== null}
              helperText={attempted && textProblem ? t(`incidents.transitions.problems.${textProblem}`) : ' '}
            />
            <TextField
              type="datetime-local"
              label={t('incidents.transitions.at')}
              value={at}
              onChange={(event) => {
                setAt(event.target.value);
                setNow(Date.now());
              }}
              error={attempted && atProblem !== null}
              helperText={attempted && atProblem ? t(`incidents.transitions.problems.${atProblem}`) : t('incidents.transitions.atHelp')}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ maxWidth: 280 }}
            />
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('incidents.form.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('incidents.workaround.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
