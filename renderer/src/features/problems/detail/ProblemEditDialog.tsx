import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDetail } from '@shared/domain/problems';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { AssetsPicker } from '../../assets/AssetsPicker';
import { fieldProblemText } from '../form/field-problems';
import { editFormFields, editInput, editValues, type AssetChoice, type EditValues } from '../form/problem-form-model';

interface Props {
  detail: ProblemDetail;
  assets: AssetChoice[];
  onClose(): void;
  onSaved(detail: ProblemDetail): void;
}

type TextKey = Exclude<keyof EditValues, 'assets'>;

const MULTILINE: readonly TextKey[] = ['description', 'question', 'answer', 'analysisNotes', 'confirmationNotes', 'resolution', 'feedback'];

/**
 * Corrects the record as it stands: its title, submitter and assets, and what
 * the current step recorded. Earlier steps stay as they were taken; their
 * history is in the activity log.
 */
export function ProblemEditDialog({ detail, assets, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { problem } = detail;
  const [values, setValues] = useState<EditValues>(() => editValues(problem, assets));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const built = editInput(problem, values);
  const fields = editFormFields(problem);
  const problemText = (field: keyof EditValues) => (attempted ? fieldProblemText(t, built.problems[field]) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (!built.input) return;
    setBusy(true);
    try {
      onSaved(await api.call('problems.update', built.input));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const label = (field: TextKey) => {
    if (field === 'reporter') return t(problem.type === 'consultation' && !problem.convertedFromDefect ? 'problems.fields.asker' : 'problems.fields.submitter');
    if (field === 'analysisNotes' || field === 'confirmationNotes' || field === 'resolution' || field === 'feedback' || field === 'feedbackTo') return t(`problems.stepFields.${field}`);
    return t(`problems.fields.${field}`);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{t('problems.edit.title')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1}>
            <DialogContentText variant="body2">{t('problems.edit.hint')}</DialogContentText>
            {fields.map((field, index) =>
              field === 'assetIds' ? (
                <AssetsPicker
                  key={field}
                  label={t('problems.fields.assets')}
                  value={values.assets}
                  onChange={(chosen) => {
                    setValues((current) => ({ ...current, assets: chosen }));
                    setError(null);
                  }}
                  error={problemText('assets')}
                />
              ) : (
                <TextField
                  key={field}
                  fullWidth
                  autoFocus={index === 0}
                  label={label(field)}
                  value={values[field]}
                  onChange={(event) => {
                    setValues((current) => ({ ...current, [field]: event.target.value }));
                    setError(null);
                  }}
                  multiline={MULTILINE.includes(field)}
                  minRows={MULTILINE.includes(field) ? 2 : undefined}
                  error={problemText(field) !== undefined}
                  helperText={problemText(field) ?? ' '}
                />
              ),
            )}
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('problems.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('problems.edit.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
