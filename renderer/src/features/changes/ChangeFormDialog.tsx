import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type Change, type RiskLevel } from '@shared/domain/changes';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { AssetsPicker } from '../assets/AssetsPicker';
import { fieldProblemText } from '../problems/form/field-problems';
import { changeValues, createInput, emptyChangeValues, updateInput, type ChangeFormValues } from './change-form-model';
import type { AssetChoice } from '../problems/form/problem-form-model';

type Props =
  | { mode: 'create'; requester: string; onClose(): void; onSaved(change: Change): void }
  | { mode: 'edit'; change: Change; assets: AssetChoice[]; onClose(): void; onSaved(change: Change): void };

type TextKey = Exclude<keyof ChangeFormValues, 'assets' | 'riskLevel' | 'windowStart' | 'windowEnd'>;

/**
 * The change as planned: what, on which assets, the steps, the risk, how to
 * roll back and the agreed window. A draft may be saved incomplete; submitting
 * it for approval needs the plan, risk, rollback plan and window.
 */
export function ChangeFormDialog(props: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const riskLabelId = useId();
  const [values, setValues] = useState<ChangeFormValues>(() => (props.mode === 'create' ? emptyChangeValues(props.requester) : changeValues(props.change, props.assets)));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const built = props.mode === 'create' ? createInput(values) : updateInput(props.change, values);
  const problem = (field: keyof ChangeFormValues) => (attempted ? fieldProblemText(t, built.problems[field]) : undefined);
  const change = (patch: Partial<ChangeFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setError(null);
  };

  function save(): Promise<Change> {
    if (props.mode === 'create') {
      const { input } = createInput(values);
      return input ? api.call('changes.create', input) : Promise.reject(new Error('invalid form'));
    }
    const { input } = updateInput(props.change, values);
    return input ? api.call('changes.update', input) : Promise.reject(new Error('invalid form'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (!built.input) return;
    setBusy(true);
    try {
      props.onSaved(await save());
      props.onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const text = (field: TextKey, options: { required?: boolean; rows?: number; autoFocus?: boolean; helper?: string } = {}) => (
    <TextField
      fullWidth
      label={t(`changes.fields.${field}`)}
      value={values[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      required={options.required ?? false}
      autoFocus={options.autoFocus ?? false}
      multiline={options.rows !== undefined}
      minRows={options.rows}
      error={problem(field) !== undefined}
      helperText={problem(field) ?? options.helper ?? ' '}
    />
  );
  const time = (field: 'windowStart' | 'windowEnd') => (
    <TextField
      fullWidth
      type="datetime-local"
      label={t(`changes.fields.${field}`)}
      value={values[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      error={problem(field) !== undefined}
      helperText={problem(field) ?? ' '}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : props.onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{props.mode === 'create' ? t('changes.form.createTitle') : t('changes.form.editTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1}>
            {text('title', { required: true, autoFocus: true })}
            {text('description', { rows: 2 })}
            <AssetsPicker label={t('changes.fields.assets')} value={values.assets} onChange={(assets) => change({ assets })} error={problem('assets')} />
            {text('plan', { rows: 4, helper: t('changes.form.neededToSubmit') })}
            <FormControl error={problem('riskLevel') !== undefined}>
              <FormLabel id={riskLabelId}>{t('changes.fields.riskLevel')}</FormLabel>
              <RadioGroup row aria-labelledby={riskLabelId} value={values.riskLevel} onChange={(event) => change({ riskLevel: event.target.value as RiskLevel })}>
                {RISK_LEVELS.map((level) => (
                  <FormControlLabel key={level} value={level} control={<Radio />} label={t(`changes.risk.${level}`)} />
                ))}
              </RadioGroup>
              <FormHelperText>{problem('riskLevel') ?? t('changes.form.neededToSubmit')}</FormHelperText>
            </FormControl>
            {text('riskText', { rows: 2 })}
            {text('rollbackPlan', { rows: 3, helper: t('changes.form.neededToSubmit') })}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {time('windowStart')}
              {time('windowEnd')}
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {text('requester', { required: true })}
              {text('implementer')}
            </Stack>
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={props.onClose} disabled={busy}>
            {t('changes.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {props.mode === 'create' ? t('changes.form.create') : t('changes.form.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
