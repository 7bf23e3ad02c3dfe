import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PENDING_REASONS, type Incident, type PendingReason } from '@shared/domain/incidents';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import type { TransitionOption } from './transition-actions';
import { transitionInput, type TransitionValues } from './transition-input';

interface Props {
  incident: Incident;
  option: TransitionOption;
  onDone(updated: Incident): void;
  onClose(): void;
}

/**
 * The moves that need words first: pending (what it waits for), resolving
 * (cause and method, required; a workaround if one was given) and reopening
 * (why). Each can carry the time it really happened, for work recorded
 * afterwards; the SLA clock uses that time.
 */
export function TransitionDialog({ incident, option, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState<TransitionValues>(() => ({
    pendingReason: incident.pendingReason ?? 'client',
    cause: incident.resolution?.cause ?? '',
    method: incident.resolution?.method ?? '',
    workaround: incident.resolution?.workaround || incident.workaround,
    note: '',
    at: '',
  }));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // "Now" for the future-time check, renewed with every edit (render must not read the clock).
  const [now, setNow] = useState(() => Date.now());

  const built = transitionInput(incident.id, option, values, now);
  const problem = (field: keyof TransitionValues) => {
    const key = attempted ? built.problems[field] : undefined;
    return key ? t(`incidents.transitions.problems.${key}`) : undefined;
  };
  const change = (patch: Partial<TransitionValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setNow(Date.now());
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const submittedAt = Date.now();
    setNow(submittedAt);
    const { input } = transitionInput(incident.id, option, values, submittedAt);
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('incidents.transition', input));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const text = (field: 'cause' | 'method' | 'workaround' | 'note', label: string, options: { required?: boolean; autoFocus?: boolean; helper?: string } = {}) => (
    <TextField
      fullWidth
      multiline
      minRows={field === 'note' ? 1 : 2}
      label={label}
      value={values[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      required={options.required ?? false}
      autoFocus={options.autoFocus ?? false}
      error={problem(field) !== undefined}
      helperText={problem(field) ?? options.helper ?? ' '}
    />
  );

  const atProblem = problem('at');

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{t(`incidents.transitions.titles.${option.action}`, { number: incident.number })}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1.5}>
            {option.asks === 'pending-reason' ? (
              <Stack>
                <FormLabel id={`${titleId}-reason`}>{t('incidents.transitions.pendingReason')}</FormLabel>
                <RadioGroup aria-labelledby={`${titleId}-reason`} value={values.pendingReason} onChange={(event) => change({ pendingReason: event.target.value as PendingReason })}>
                  {PENDING_REASONS.map((reason) => (
                    <FormControlLabel key={reason} value={reason} control={<Radio />} label={t(`incidents.pendingReasonsLong.${reason}`)} />
                  ))}
                </RadioGroup>
              </Stack>
            ) : null}
            {option.asks === 'resolution' ? (
              <>
                {text('cause', t('incidents.resolution.cause'), { required: true, autoFocus: true })}
                {text('method', t('incidents.resolution.method'), { required: true })}
                {text('workaround', t('incidents.resolution.workaround'), { helper: t('incidents.resolution.workaroundHelp') })}
              </>
            ) : null}
            {text('note', option.asks === 'note' ? t('incidents.transitions.reopenNote') : t('incidents.transitions.note'), { autoFocus: option.asks === 'note' })}
            <TextField
              type="datetime-local"
              label={t('incidents.transitions.at')}
              value={values.at}
              onChange={(event) => change({ at: event.target.value })}
              error={atProblem !== undefined}
              helperText={atProblem ?? t('incidents.transitions.atHelp')}
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
            {t(`incidents.actions.${option.action}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
