import type { MethodInput } from '@shared/api';
import { Resolution } from '@shared/domain/incidents';
import type { PendingReason } from '@shared/domain/incidents';
import { fromLocalDateTimeInput } from '../incident-format';
import type { TransitionOption } from './transition-actions';

/** What the transition dialog holds, as typed. */
export interface TransitionValues {
  pendingReason: PendingReason;
  cause: string;
  method: string;
  workaround: string;
  note: string;
  /** `datetime-local` text; empty means "now". */
  at: string;
}

export type TransitionProblem = 'required' | 'tooLong' | 'dateTime' | 'future';

const NOTE_MAX = 2000;

/**
 * The dialog's values → the `incidents.transition` input, checked with the
 * shared Resolution schema. Returns the problems per field when something is
 * missing, and the input only when nothing is.
 */
export function transitionInput(
  id: string,
  option: Pick<TransitionOption, 'to' | 'asks'>,
  values: TransitionValues,
  now: number,
): { input: MethodInput<'incidents.transition'> | null; problems: Partial<Record<keyof TransitionValues, TransitionProblem>> } {
  const problems: Partial<Record<keyof TransitionValues, TransitionProblem>> = {};
  let resolution: Resolution | undefined;
  if (option.asks === 'resolution') {
    const parsed = Resolution.safeParse({ cause: values.cause, method: values.method, workaround: values.workaround });
    if (parsed.success) resolution = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'cause' || field === 'method' || field === 'workaround') problems[field] ??= issue.code === 'too_big' ? 'tooLong' : 'required';
      }
    }
  }
  if (values.note.trim().length > NOTE_MAX) problems.note = 'tooLong';
  let at: number | undefined;
  if (values.at.trim() !== '') {
    const parsed = fromLocalDateTimeInput(values.at);
    if (parsed === null) problems.at = 'dateTime';
    else if (parsed > now + 60_000) problems.at = 'future';
    else at = parsed;
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      id,
      to: option.to,
      note: values.note.trim(),
      ...(option.asks === 'pending-reason' ? { pendingReason: values.pendingReason } : {}),
      ...(resolution ? { resolution } : {}),
      ...(at === undefined ? {} : { at }),
    },
    problems,
  };
}
