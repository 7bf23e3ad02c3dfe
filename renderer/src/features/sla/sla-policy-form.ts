import { PRIORITIES, SlaPolicyFields, type BusinessCalendar, type Priority, type SlaPolicy } from '@shared/domain/sla';
import { AppError } from '@shared/errors';
import { DEFAULT_SLA_POLICY_FIELDS, validateCalendar } from '@shared/sla';

/**
 * The SLA policy dialog's model: what the inputs hold (text, so a half-typed
 * number is not lost), the problems to show next to each input, and the
 * fields to save. Checked with the same schema and calendar validation core
 * uses, so the dialog and the server cannot disagree.
 */

export type DurationUnit = 'min' | 'h';
export interface DurationInput {
  value: string;
  unit: DurationUnit;
}

export interface TargetInput {
  response: DurationInput;
  resolution: DurationInput;
  allDay: boolean;
}

export interface SlaPolicyForm {
  name: string;
  clientId: string | null;
  /** The default policy: no client, cannot be given one. */
  isDefault: boolean;
  calendarKind: BusinessCalendar['kind'];
  /** Business-hours inputs, kept while 24x7 is chosen so switching back loses nothing. */
  timeZone: string;
  weekdays: number[];
  start: string;
  end: string;
  holidays: string[];
  extraWorkdays: string[];
  targets: Record<Priority, TargetInput>;
  pauseWhilePending: boolean;
  atRiskPercent: string;
  fixHours: string;
  workaroundHours: string;
  faultReportHours: string;
}

export type Problem =
  | { key: 'required' | 'pickClient' | 'timeZone' | 'weekdays' | 'time' | 'endBeforeStart' | 'minutes' | 'hours' | 'percent' | 'responseAfterResolution' | 'invalid' }
  | { key: 'tooLong'; max: number }
  | { key: 'date'; value: string }
  | { key: 'bothLists'; date: string };

/** Field path (as used by the inputs' data-field) → what is wrong with it. */
export type Problems = Record<string, Problem>;

const BUSINESS_DEFAULTS = DEFAULT_SLA_POLICY_FIELDS.calendar as Extract<BusinessCalendar, { kind: 'business' }>;

export function formFromPolicy(policy: SlaPolicy | null, isDefault: boolean): SlaPolicyForm {
  const fields = policy ?? { ...DEFAULT_SLA_POLICY_FIELDS, name: '', clientId: null };
  const business = fields.calendar.kind === 'business' ? fields.calendar : BUSINESS_DEFAULTS;
  return {
    name: fields.name,
    clientId: fields.clientId,
    isDefault,
    calendarKind: fields.calendar.kind,
    timeZone: business.timeZone,
    weekdays: [...business.weekdays],
    start: business.start,
    end: business.end,
    holidays: [...business.holidays],
    extraWorkdays: [...business.extraWorkdays],
    targets: Object.fromEntries(
      PRIORITIES.map((priority) => {
        const target = fields.targets[priority];
        return [priority, { response: durationInput(target.responseMinutes), resolution: durationInput(target.resolutionMinutes), allDay: target.allDay }];
      }),
    ) as Record<Priority, TargetInput>,
    pauseWhilePending: fields.pauseWhilePending,
    atRiskPercent: String(fields.atRiskPercent),
    fixHours: String(fields.systemDown.fixHours),
    workaroundHours: String(fields.systemDown.workaroundHours),
    faultReportHours: String(fields.systemDown.faultReportHours),
  };
}

/** Whole hours read better as hours ("4 h", "72 h"); anything else stays in minutes. */
function durationInput(minutes: number): DurationInput {
  return minutes % 60 === 0 ? { value: String(minutes / 60), unit: 'h' } : { value: String(minutes), unit: 'min' };
}

/** Minutes from an input, or null when it is not a whole number of minutes in range. */
export function minutesOf(input: DurationInput): number | null {
  const text = input.value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * (input.unit === 'h' ? 60 : 1);
  const rounded = Math.round(minutes);
  if (Math.abs(minutes - rounded) > 1e-9 || rounded < 1 || rounded > 525_600) return null;
  return rounded;
}

function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Dates typed or pasted into a date list: separated by spaces, commas or
 * newlines; `a~b` or `a..b` is every day from a to b (a holiday week).
 * Returns the dates and the pieces that are not dates.
 */
export function parseDateEntries(text: string): { dates: string[]; invalid: string[] } {
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const piece of text.split(/[\s,;，；、]+/).filter((p) => p !== '')) {
    const range = /^(\d{4}-\d{2}-\d{2})(?:~|\.\.|～)(\d{4}-\d{2}-\d{2})$/.exec(piece);
    if (range) {
      const [from, to] = [range[1] as string, range[2] as string];
      if (!isRealDate(from) || !isRealDate(to) || to < from || daysBetween(from, to) > 366) {
        invalid.push(piece);
        continue;
      }
      for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
        dates.push(new Date(day).toISOString().slice(0, 10));
      }
    } else if (isRealDate(piece)) {
      dates.push(piece);
    } else {
      invalid.push(piece);
    }
  }
  return { dates, invalid };
}

function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The calendar the form describes (not yet validated). */
function calendarOf(form: SlaPolicyForm): BusinessCalendar {
  if (form.calendarKind === '24x7') return { kind: '24x7' };
  return {
    kind: 'business',
    timeZone: form.timeZone.trim(),
    weekdays: [...form.weekdays].sort((a, b) => a - b),
    start: form.start.trim(),
    end: form.end.trim(),
    holidays: [...new Set(form.holidays)].sort(),
    extraWorkdays: [...new Set(form.extraWorkdays)].sort(),
  };
}

/** What is wrong with the form, by field; empty when it can be saved. */
export function formProblems(form: SlaPolicyForm): Problems {
  const problems: Problems = {};
  const name = form.name.trim();
  if (name === '') problems['name'] = { key: 'required' };
  else if (name.length > 100) problems['name'] = { key: 'tooLong', max: 100 };
  if (!form.isDefault && form.clientId === null) problems['clientId'] = { key: 'pickClient' };

  if (form.calendarKind === 'business') {
    const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
    if (!clock.test(form.start.trim())) problems['start'] = { key: 'time' };
    if (!clock.test(form.end.trim()) && form.end.trim() !== '24:00') problems['end'] = { key: 'time' };
    const holidays = new Set(form.holidays);
    const both = form.extraWorkdays.find((date) => holidays.has(date));
    if (both) problems['extraWorkdays'] = { key: 'bothLists', date: both };
    if (!problems['start'] && !problems['end']) {
      try {
        validateCalendar(calendarOf(form));
      } catch (error) {
        const field = error instanceof AppError ? (error.details as { field?: string } | undefined)?.field : undefined;
        if (field === 'timeZone') problems['timeZone'] = { key: 'timeZone' };
        else if (field === 'weekdays') problems['weekdays'] = { key: 'weekdays' };
        else if (field === 'end') problems['end'] = { key: 'endBeforeStart' };
        else if (field && !problems[field]) problems[field] = { key: 'invalid' };
      }
    }
  }

  for (const priority of PRIORITIES) {
    const target = form.targets[priority];
    const response = minutesOf(target.response);
    const resolution = minutesOf(target.resolution);
    if (response === null) problems[`targets.${priority}.response`] = { key: 'minutes' };
    if (resolution === null) problems[`targets.${priority}.resolution`] = { key: 'minutes' };
    if (response !== null && resolution !== null && response > resolution) problems[`targets.${priority}.response`] = { key: 'responseAfterResolution' };
  }

  const percent = numberOf(form.atRiskPercent);
  if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 99) problems['atRiskPercent'] = { key: 'percent' };
  for (const field of ['fixHours', 'workaroundHours', 'faultReportHours'] as const) {
    const hours = numberOf(form[field]);
    if (hours === null || hours < 0.1 || hours > 720) problems[field] = { key: 'hours' };
  }
  return problems;
}

/** The fields to save, or null while the form has problems. */
export function fieldsFromForm(form: SlaPolicyForm): SlaPolicyFields | null {
  if (Object.keys(formProblems(form)).length > 0) return null;
  const targets = Object.fromEntries(
    PRIORITIES.map((priority) => {
      const target = form.targets[priority];
      return [priority, { responseMinutes: minutesOf(target.response), resolutionMinutes: minutesOf(target.resolution), allDay: target.allDay }];
    }),
  );
  const parsed = SlaPolicyFields.safeParse({
    name: form.name.trim(),
    clientId: form.isDefault ? null : form.clientId,
    calendar: calendarOf(form),
    targets,
    pauseWhilePending: form.pauseWhilePending,
    atRiskPercent: numberOf(form.atRiskPercent),
    systemDown: { fixHours: numberOf(form.fixHours), workaroundHours: numberOf(form.workaroundHours), faultReportHours: numberOf(form.faultReportHours) },
  });
  return parsed.success ? parsed.data : null;
}
