import { Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ANALYSIS_KINDS, nextProblemStep, type AnalysisKind, type ProblemDetail, type ProblemStep, type ProblemStepName } from '@shared/domain/problems';
import { formatDateTime } from '../../../i18n/format';
import { flowOf } from '../problem-format';
import { NextStepForm } from './NextStepForm';

interface Props {
  detail: ProblemDetail;
  onStepTaken(detail: ProblemDetail): void;
}

/** What a step row recorded, as lines of "label: text" (labels for the fields the steps write). */
const STEP_TEXT_FIELDS = ['notes', 'answer', 'resolution', 'feedback', 'feedbackTo'] as const;

/**
 * The record's flow as a vertical stepper: each step taken with who took it and
 * when (the time recorded on the laptop), what they wrote, and the form for
 * the one step that can be taken next.
 */
export function ProblemFlow({ detail, onStepTaken }: Props) {
  const { t, i18n } = useTranslation();
  const { problem, steps } = detail;
  const flow = flowOf(problem);
  const taken = new Map<ProblemStepName, ProblemStep>();
  for (const step of steps) taken.set(step.step, step);
  const next = nextProblemStep(problem.status);
  const activeIndex = next ? flow.indexOf(next) : flow.length;

  return (
    <Stepper orientation="vertical" activeStep={activeIndex} aria-label={t('problems.detail.flow')}>
      {flow.map((name) => {
        const step = taken.get(name);
        const isNext = name === next;
        return (
          <Step key={name} completed={step !== undefined} expanded={step !== undefined || isNext}>
            <StepLabel
              optional={
                step ? (
                  <Typography variant="caption" color="text.secondary">
                    {t('problems.detail.byAt', { actor: step.actor, at: formatDateTime(step.at, i18n.language) })}
                  </Typography>
                ) : isNext ? (
                  <Typography variant="caption" color="text.secondary">
                    {t('problems.detail.nextStep')}
                  </Typography>
                ) : null
              }
            >
              {t(`problems.steps.${name}`)}
            </StepLabel>
            <StepContent>
              {step ? <StepData step={step} /> : null}
              {isNext && next ? <NextStepForm problem={problem} to={next} onDone={onStepTaken} /> : null}
            </StepContent>
          </Step>
        );
      })}
    </Stepper>
  );
}

function StepData({ step }: { step: ProblemStep }) {
  const { t } = useTranslation();
  const kind = step.data['kind'];
  const lines: [string, string][] = [];
  if (typeof kind === 'string' && (ANALYSIS_KINDS as readonly string[]).includes(kind)) lines.push([t('problems.stepFields.kind'), t(`problems.analysisKinds.${kind as AnalysisKind}`)]);
  if (step.step === 'submitted' && typeof step.data['reporter'] === 'string') lines.push([t('problems.fields.submitter'), step.data['reporter']]);
  for (const field of STEP_TEXT_FIELDS) {
    const value = step.data[field];
    // A consultation's own answer is in the details already; the step keeps it as history.
    if (typeof value === 'string' && value !== '' && !(step.step === 'answered' && field === 'answer' && step.data['convertedFrom'] === undefined)) {
      lines.push([t(`problems.stepFields.${step.step === 'confirmed' && field === 'notes' ? 'confirmationNotes' : field}`), value]);
    }
  }
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map(([label, text]) => (
        <Typography key={label} variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Typography component="span" variant="body2" color="text.secondary">
            {label}:
          </Typography>{' '}
          {text}
        </Typography>
      ))}
    </>
  );
}
