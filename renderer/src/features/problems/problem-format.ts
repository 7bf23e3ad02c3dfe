import type { ChipProps } from '@mui/material';
import { DEFECT_FLOW, type Problem, type ProblemStatus, type ProblemStepName } from '@shared/domain/problems';

/** Colour always goes with the status word, never instead of it. */
export const PROBLEM_STATUS_COLOR: Record<ProblemStatus, NonNullable<ChipProps['color']>> = {
  answered: 'success',
  submitted: 'info',
  analysed: 'primary',
  confirmed: 'primary',
  resolved: 'warning',
  'fed-back': 'success',
};

/** The steps the stepper shows for a record: the whole defect flow, or how a consultation came to be. */
export function flowOf(problem: Pick<Problem, 'type' | 'convertedFromDefect'>): readonly ProblemStepName[] {
  if (problem.type === 'defect') return DEFECT_FLOW;
  return problem.convertedFromDefect ? ['submitted', 'analysed', 'answered'] : ['answered'];
}

/** The list shows the question for a consultation whose title is empty. */
export function displayTitle(problem: Pick<Problem, 'title' | 'question'>): string {
  return problem.title || problem.question;
}
