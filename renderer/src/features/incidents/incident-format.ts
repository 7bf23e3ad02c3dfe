import type { ChipProps } from '@mui/material';
import type { IncidentStatus } from '@shared/domain/incidents';
import type { Priority } from '@shared/domain/sla';

/**
 * How incidents read on screen, the same in the list, the detail page and the
 * dialogs. Colour always goes with a word, never instead of it.
 */

export const PRIORITY_COLOR: Record<Priority, NonNullable<ChipProps['color']>> = {
  P1: 'error',
  P2: 'warning',
  P3: 'info',
  P4: 'default',
};

export const STATUS_COLOR: Record<IncidentStatus, NonNullable<ChipProps['color']>> = {
  new: 'info',
  acknowledged: 'primary',
  'in-progress': 'primary',
  pending: 'warning',
  resolved: 'success',
  closed: 'default',
};

/** Open means someone still has to act: not yet resolved or closed. */
export function isOpenStatus(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/** Time spent as hours and minutes in the user's language: "1 hr 30 min", "1小时30分钟". */
export function formatMinutes(totalMinutes: number, language: string): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(rest, 'minute');
  if (rest === 0) return unit(hours, 'hour');
  return `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` input shows it: the laptop's own time zone, to the minute. */
export function toLocalDateTimeInput(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What a `datetime-local` input holds, back to epoch ms; null when it is empty or not a time. */
export function fromLocalDateTimeInput(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [number, number, number, number, number, number, number | undefined];
  const date = new Date(year, month - 1, day, hour, minute, Number.isNaN(second) ? 0 : (second ?? 0));
  // new Date rolls 2026-02-31 over into March; a date that does not exist is not a time.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}
