import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../asset-form-model';

/** A field problem in the user's language; undefined when there is none. */
export function useProblemText(): (problem: FieldProblem | undefined) => string | undefined {
  const { t } = useTranslation();
  return (problem) => (problem ? t(`assetForm.problems.${problem.key}`, { ...problem.values }) : undefined);
}
