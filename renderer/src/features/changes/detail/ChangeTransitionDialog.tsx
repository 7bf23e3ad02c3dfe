import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, ChangeStatus } from '@shared/domain/changes';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { fieldProblemText } from '../../problems/form/field-problems';
import { transitionInput, transitionNeeds, type TransitionValues } from '../change-form-model';

interface Props {
  change: Change;
  to: ChangeStatus;
  onDone(change: Change): void;
  onClose(): void;
}

/**
 * One move of a change, with what it needs: the result of the work, the
 * reason for a rejection, an optional comment, and the time it really
 * happened (an approval given offline, a result written up afterwards).
 */
export function ChangeTransitionDialog({ change, to, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState<TransitionValues>({ comment: '', result: '', at: '' });
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needs = transitionNeeds(to);
  // The time is read when the form is sent (the future check), not on every render.
  const [checkedAt, setCheckedAt] = useState(() => Date.now());
  const built = transitionInput(change.id, to, values, checkedAt);
  const problem = (field: keyof TransitionValues) => (attempted ? fieldProblemText(t, built.problems[field]) : undefined);
  const set = (patch: Partial<TransitionValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const now = Date.now();
    setCheckedAt(now);
    const { input } = transitionInput(change.id, to, values, now);
    if (!input) return;
    setBusy(true);
    try {
      onDone(await api.call('changes.transition', input));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{t(`changes.moves.${to}`)}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1.5}>
            <DialogContentText variant="body2">{t(`changes.moveHints.${to}`, { title: change.title })}</DialogContentText>
            {needs.result ? (
              <TextField
                fullWidth
                multiline
                minRows={3}
                autoFocus
                required
                label={t('changes.fields.result')}
                value={values.result}
                onChange={(event) => set({ result: event.target.value })}
                error={problem('result') !== undefined}
                helperText={problem('result') ?? ' '}
              />
            ) : null}
            {needs.comment !== 'none' ? (
              <TextField
                fullWidth
                multiline
                minRows={2}
                autoFocus={!needs.result}
                required={needs.comment === 'required'}
                label={to === 'cancelled' ? t('changes.fields.cancelReason') : t('changes.fields.decisionComment')}
                value={values.comment}
                onChange={(event) => set({ comment: event.target.value })}
                error={problem('comment') !== undefined}
                helperText={problem('comment') ?? ' '}
              />
            ) : null}
            <TextField
              type="datetime-local"
              label={t('changes.fields.at')}
              value={values.at}
              onChange={(event) => set({ at: event.target.value })}
              error={problem('at') !== undefined}
              helperText={problem('at') ?? t('changes.fields.atHelp')}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ maxWidth: 280 }}
            />
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('changes.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={to === 'rejected' || to === 'cancelled' ? 'error' : 'primary'} loading={busy}>
            {t(`changes.moves.${to}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
