import type { PlanStep } from '@shared/domain/emergency-plans';

/**
 * Steps ticked off during an incident. They live in the browser session
 * (sessionStorage: this window, until it is closed), never in the plan: a
 * plan is a document shared by everyone, and a tick is one engineer's
 * progress through one incident.
 */

type TickStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'walkdown.plans.ticks.';

/**
 * A step's tick is keyed by its place and title, so a step edited or moved
 * while someone works through the plan is not shown as done by mistake.
 */
export function tickKey(index: number, step: Pick<PlanStep, 'title'>): string {
  return `${index}:${step.title}`;
}

export function loadTicks(storage: TickStorage | null, planId: string): Set<string> {
  if (!storage) return new Set();
  try {
    const stored: unknown = JSON.parse(storage.getItem(PREFIX + planId) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveTicks(storage: TickStorage | null, planId: string, ticks: ReadonlySet<string>): void {
  if (!storage) return;
  try {
    if (ticks.size === 0) storage.removeItem(PREFIX + planId);
    else storage.setItem(PREFIX + planId, JSON.stringify([...ticks]));
  } catch {
    // Storage full or blocked: the ticks still work for as long as the page is open.
  }
}

/** The session storage of this window, or null where there is none. */
export function sessionTickStorage(): TickStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
