import type { TFunction } from 'i18next';
import type { SlaState, SlaSummary, SlaTimer } from '@shared/domain/sla';

const MINUTE_MS = 60_000;

/**
 * A timer as it stands at `now`, from the answer fetched at `fetchedAt`,
 * without asking core again.
 *
 * Counting down the wall time since the fetch would be exact around the
 * clock but wrong on a business calendar: over a night or a weekend the
 * counted time does not move, and a chip would show a breach that is not one.
 * The counted time left can never exceed the wall time until `dueAt` (the
 * clock can at most run all the time), so the chip shows the smaller of the
 * two: exact for 24x7 timers and for a deadline inside the current working
 * hours, never a false breach, and re-fetched data corrects the rest.
 * Overdue time grows with the wall clock (it may overstate outside hours).
 */
export function liveTimer(timer: SlaTimer, fetchedAt: number, now: number): { remainingMs: number; state: SlaState } {
  const counting = timer.stoppedAt === null && timer.dueAt !== null && timer.state !== 'paused';
  if (!counting) return { remainingMs: timer.remainingMs, state: timer.state };
  const sinceFetch = Math.max(0, now - fetchedAt);
  const remainingMs = timer.remainingMs > 0 ? Math.min(timer.remainingMs, (timer.dueAt as number) - now) : timer.remainingMs - sinceFetch;
  return { remainingMs, state: remainingMs < 0 ? 'breached' : timer.state };
}

/** "2 h 15 min", "3 d 4 h", "35 min": the two largest units, rounded up to the minute so "0 min left" means due now. */
export function formatSpan(ms: number, t: TFunction): string {
  const totalMinutes = Math.ceil(Math.abs(ms) / MINUTE_MS);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${t('sla.units.d', { count: days })} ${t('sla.units.h', { count: hours })}` : t('sla.units.d', { count: days });
  if (hours > 0) return minutes > 0 ? `${t('sla.units.h', { count: hours })} ${t('sla.units.min', { count: minutes })}` : t('sla.units.h', { count: hours });
  return t('sla.units.min', { count: minutes });
}

/** What a timer's chip says after its name: "2 h 15 min left", "已超时 35 分钟", "met". */
export function remainingText(state: SlaState, remainingMs: number, t: TFunction): string {
  const time = formatSpan(remainingMs, t);
  switch (state) {
    case 'on-track':
    case 'at-risk':
      return t('sla.remaining.left', { time });
    case 'breached':
      return t('sla.remaining.overdue', { time });
    case 'paused':
      return remainingMs < 0 ? t('sla.remaining.overdue', { time }) : t('sla.remaining.paused', { time });
    case 'met':
      return t('sla.remaining.met');
    case 'missed':
      return t('sla.remaining.missedBy', { time });
  }
}

export type SlaTone = 'error' | 'warning' | 'info' | 'success' | 'default';

/** Colour by urgency: red needs action (or failed), amber soon, blue waits on someone else. */
export function stateTone(state: SlaState): SlaTone {
  switch (state) {
    case 'breached':
    case 'missed':
      return 'error';
    case 'at-risk':
      return 'warning';
    case 'paused':
      return 'info';
    case 'on-track':
      return 'success';
    case 'met':
      return 'default';
  }
}

/**
 * The timer a summary badge speaks for: the running one due first, else the
 * one whose state is the summary's worst (a missed target, a pause).
 */
export function leadingTimer(summary: SlaSummary): SlaTimer | null {
  const running = summary.timers.filter((timer) => timer.stoppedAt === null && timer.dueAt !== null).sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
  return running[0] ?? summary.timers.find((timer) => timer.state === summary.worst) ?? summary.timers[0] ?? null;
}

/**
 * What a summary badge says: the time on the leading timer, prefixed with the
 * worst state only when another timer is worse (the detail already says
 * "overdue", "paused", "met"). A timer that ran out since the fetch counts as
 * breached. Null when there are no timers.
 */
export function summaryBadge(summary: SlaSummary, fetchedAt: number, now: number, t: TFunction): { lead: SlaTimer; worst: SlaState; detail: string; label: string } | null {
  const lead = leadingTimer(summary);
  if (!lead) return null;
  const worst = summary.timers.some((timer) => liveTimer(timer, fetchedAt, now).state === 'breached') ? 'breached' : summary.worst;
  const leading = liveTimer(lead, fetchedAt, now);
  const detail = remainingText(leading.state, leading.remainingMs, t);
  return { lead, worst, detail, label: leading.state === worst ? detail : `${t(`sla.states.${worst}`)} · ${detail}` };
}
