import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fromLocalDateTimeInput } from '../../incidents/incident-format';

/** What is wrong with one form field, for a translated message next to it. */
export type FieldProblem = { key: 'required' } | { key: 'tooLong'; max: number } | { key: 'dateTime' } | { key: 'future' } | { key: 'windowOrder' };

export type FieldProblems<F extends string> = Partial<Record<F, FieldProblem>>;

/**
 * The first problem per top-level field of a failed parse against the shared
 * zod schema, so a form's limits and required fields cannot drift from what
 * core accepts.
 */
export function problemsOf<F extends string>(error: z.ZodError): FieldProblems<F> {
  const problems: Partial<Record<string, FieldProblem>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || problems[field]) continue;
    problems[field] = issue.code === 'too_big' ? { key: 'tooLong', max: Number(issue.maximum) } : { key: 'required' };
  }
  return problems as FieldProblems<F>;
}

/** A small allowance for a clock read a moment before core's. */
const FUTURE_SLACK_MS = 60_000;

/**
 * A recorded time typed in a `datetime-local` field: empty means "now"
 * (undefined), otherwise a time not in the future.
 */
export function recordedTime(text: string, now: number): { at: number | undefined; problem: FieldProblem | null } {
  if (text.trim() === '') return { at: undefined, problem: null };
  const at = fromLocalDateTimeInput(text);
  if (at === null) return { at: undefined, problem: { key: 'dateTime' } };
  if (at > now + FUTURE_SLACK_MS) return { at: undefined, problem: { key: 'future' } };
  // Typed to the minute: the current minute is "now", not a minute ahead of core's clock.
  return { at: Math.min(at, now), problem: null };
}

/** The message for a field's problem, in the user's language. */
export function fieldProblemText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return problem.key === 'tooLong' ? t('problems.validation.tooLong', { max: problem.max }) : t(`problems.validation.${problem.key}`);
}
