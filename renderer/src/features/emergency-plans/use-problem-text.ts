import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './plan-form-model';

/** A field problem in the user's language, or undefined when the field is fine. */
export function useProblemText(): (problem: FieldProblem | undefined) => string | undefined {
  const { t } = useTranslation();
  return (problem) => (problem ? t(`plans.problems.${problem.key}`, problem.values ?? {}) : undefined);
}
