import { Alert, Button, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYSIS_KINDS, type AnalysisKind, type Problem, type ProblemDetail, type ProblemStepTarget } from '@shared/domain/problems';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { fieldProblemText } from '../form/field-problems';
import { emptyStepValues, stepFormFields, stepInput, type StepValues } from '../form/problem-form-model';

interface Props {
  problem: Problem;
  to: ProblemStepTarget;
  onDone(detail: ProblemDetail): void;
}

type TextKey = Exclude<keyof StepValues, 'kind' | 'at'>;

/**
 * The one step a defect can take next, with the fields that step needs. An
 * operation problem asks for the explanation given to the user instead of a
 * handling proposal, and turns the record into a consultation.
 */
export function NextStepForm({ problem, to, onDone }: Props) {
  const { t } = useTranslation();
  const kindLabelId = useId();
  const [values, setValues] = useState<StepValues>(() => emptyStepValues(problem));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The time is read when the form is sent (the future check), not on every render.
  const [checkedAt, setCheckedAt] = useState(() => Date.now());
  const built = stepInput(problem.id, to, values, checkedAt);
  const fields = stepFormFields(to, values.kind);
  const problemText = (field: keyof StepValues) => (attempted ? fieldProblemText(t, built.problems[field]) : undefined);
  const change = (patch: Partial<StepValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const now = Date.now();
    setCheckedAt(now);
    const { input } = stepInput(problem.id, to, values, now);
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      const detail = await api.call('problems.step', input);
      setValues(emptyStepValues(detail.problem));
      setAttempted(false);
      onDone(detail);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const required = (field: TextKey) => to === 'resolved' || to === 'fed-back' || (to === 'analysed' && field === (values.kind === 'operation' ? 'answer' : 'notes'));
  const text = (field: TextKey) => (
    <TextField
      key={field}
      fullWidth
      multiline={field !== 'feedbackTo'}
      minRows={field === 'feedbackTo' ? undefined : 2}
      label={t(`problems.stepFields.${to === 'confirmed' && field === 'notes' ? 'confirmationNotes' : field}`)}
      value={values[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      required={required(field)}
      error={problemText(field) !== undefined}
      helperText={problemText(field) ?? ' '}
    />
  );

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t(`problems.stepActions.${to}`)}>
      <Stack spacing={1} sx={{ pt: 1, maxWidth: 640 }}>
        {fields.map((field) =>
          field === 'kind' ? (
            <FormControl key="kind" error={problemText('kind') !== undefined} required>
              <FormLabel id={kindLabelId}>{t('problems.stepFields.kind')}</FormLabel>
              <RadioGroup row aria-labelledby={kindLabelId} value={values.kind} onChange={(event) => change({ kind: event.target.value as AnalysisKind })}>
                {ANALYSIS_KINDS.map((kind) => (
                  <FormControlLabel key={kind} value={kind} control={<Radio />} label={t(`problems.analysisKinds.${kind}`)} />
                ))}
              </RadioGroup>
              <FormHelperText>{problemText('kind') ?? ' '}</FormHelperText>
            </FormControl>
          ) : field === 'at' ? null : (
            text(field)
          ),
        )}
        {to === 'analysed' && values.kind === 'operation' ? <Alert severity="info">{t('problems.nextStep.operationHint')}</Alert> : null}
        <TextField
          type="datetime-local"
          label={t('problems.fields.stepAt')}
          value={values.at}
          onChange={(event) => change({ at: event.target.value })}
          error={problemText('at') !== undefined}
          helperText={problemText('at') ?? t('problems.fields.atHelp')}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ maxWidth: 280 }}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <div>
          <Button type="submit" variant="contained" loading={busy}>
            {t(`problems.stepActions.${to}`)}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
