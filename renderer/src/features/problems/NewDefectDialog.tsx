import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@shared/domain/problems';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { AssetsPicker } from '../assets/AssetsPicker';
import { fieldProblemText } from './form/field-problems';
import { defectInput, EMPTY_DEFECT, type DefectValues } from './form/problem-form-model';

interface Props {
  onClose(): void;
  onCreated(problem: Problem): void;
}

/** 系统缺陷类问题提交单: what is wrong, who submitted it, and which assets it affects. */
export function NewDefectDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState<DefectValues>(EMPTY_DEFECT);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The time is read when the form is sent (the future check), not on every render.
  const [checkedAt, setCheckedAt] = useState(() => Date.now());
  const built = defectInput(values, checkedAt);
  const problem = (field: keyof DefectValues) => (attempted ? fieldProblemText(t, built.problems[field]) : undefined);
  const change = (patch: Partial<DefectValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const now = Date.now();
    setCheckedAt(now);
    const { input } = defectInput(values, now);
    if (!input) return;
    setBusy(true);
    try {
      onCreated(await api.call('problems.createDefect', input));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const field = (name: 'title' | 'description' | 'reporter' | 'contact', options: { required?: boolean; multiline?: boolean; autoFocus?: boolean } = {}) => (
    <TextField
      fullWidth
      label={t(`problems.fields.${name === 'reporter' ? 'submitter' : name}`)}
      value={values[name]}
      onChange={(event) => change({ [name]: event.target.value })}
      required={options.required ?? false}
      autoFocus={options.autoFocus ?? false}
      multiline={options.multiline ?? false}
      minRows={options.multiline ? 3 : undefined}
      error={problem(name) !== undefined}
      helperText={problem(name) ?? ' '}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{t('problems.defectDialog.title')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1}>
            {field('title', { required: true, autoFocus: true })}
            {field('description', { multiline: true })}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {field('reporter', { required: true })}
              {field('contact')}
            </Stack>
            <AssetsPicker label={t('problems.fields.assets')} value={values.assets} onChange={(assets) => change({ assets })} error={problem('assets')} />
            <TextField
              type="datetime-local"
              label={t('problems.fields.submittedAt')}
              value={values.at}
              onChange={(event) => change({ at: event.target.value })}
              error={problem('at') !== undefined}
              helperText={problem('at') ?? t('problems.fields.atHelp')}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ maxWidth: 280 }}
            />
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('problems.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('problems.defectDialog.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
