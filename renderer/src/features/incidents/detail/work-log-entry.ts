import type { MethodInput } from '@shared/api';
import type { WorkLogEntry } from '@shared/domain/incidents';
import { fromLocalDateTimeInput } from '../incident-format';

export interface WorkLogValues {
  text: string;
  /** Hours and minutes as typed; either may be empty. */
  hours: string;
  minutes: string;
  /** `datetime-local` text; empty means "now". */
  at: string;
}

export type WorkLogProblem = 'required' | 'tooLong' | 'wholeNumber' | 'tooMuchTime' | 'dateTime' | 'future';

const TEXT_MAX = 20_000;
const MINUTES_MAX = 10_000;

export const EMPTY_WORK_LOG: WorkLogValues = { text: '', hours: '', minutes: '', at: '' };

/** The time spent as typed, in minutes; null when a part is not a whole number ≥ 0. Empty parts count as 0. */
export function minutesOf(values: Pick<WorkLogValues, 'hours' | 'minutes'>): number | null {
  const part = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') return 0;
    return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
  };
  const hours = part(values.hours);
  const minutes = part(values.minutes);
  return hours === null || minutes === null ? null : hours * 60 + minutes;
}

/** The form → `incidents.addWorkLog` input, or the problems per field. */
export function workLogInput(
  incidentId: string,
  values: WorkLogValues,
  now: number,
): { input: MethodInput<'incidents.addWorkLog'> | null; problems: Partial<Record<'text' | 'time' | 'at', WorkLogProblem>> } {
  const problems: Partial<Record<'text' | 'time' | 'at', WorkLogProblem>> = {};
  const text = values.text.trim();
  if (text === '') problems.text = 'required';
  else if (text.length > TEXT_MAX) problems.text = 'tooLong';
  const minutesSpent = minutesOf(values);
  if (minutesSpent === null) problems.time = 'wholeNumber';
  else if (minutesSpent > MINUTES_MAX) problems.time = 'tooMuchTime';
  let at: number | undefined;
  if (values.at.trim() !== '') {
    const parsed = fromLocalDateTimeInput(values.at);
    if (parsed === null) problems.at = 'dateTime';
    else if (parsed > now + 60_000) problems.at = 'future';
    else at = parsed;
  }
  if (Object.keys(problems).length > 0 || minutesSpent === null) return { input: null, problems };
  return { input: { incidentId, text, minutesSpent, ...(at === undefined ? {} : { at }) }, problems };
}

/** All time logged on the incident. */
export function totalMinutes(entries: readonly Pick<WorkLogEntry, 'minutesSpent'>[]): number {
  return entries.reduce((sum, entry) => sum + entry.minutesSpent, 0);
}
