import { INCIDENT_TRANSITIONS, type IncidentStatus } from '@shared/domain/incidents';

/**
 * The buttons a status offers. The word depends on where the move starts:
 * back to "in progress" is "start" from new, "resume" from pending and
 * "reopen" from resolved or closed.
 */
export type TransitionAction = 'acknowledge' | 'start' | 'resume' | 'pend' | 'resolve' | 'close' | 'reopen';

export interface TransitionOption {
  to: IncidentStatus;
  action: TransitionAction;
  /** Needs a dialog first: pending asks what it waits for, resolving asks for the resolution, reopening why. */
  asks: 'pending-reason' | 'resolution' | 'note' | null;
  /** The usual next step, shown as the main button. */
  primary: boolean;
}

function actionFor(from: IncidentStatus, to: IncidentStatus): TransitionAction {
  switch (to) {
    case 'acknowledged':
      return 'acknowledge';
    case 'in-progress':
      if (from === 'pending') return 'resume';
      if (from === 'resolved' || from === 'closed') return 'reopen';
      return 'start';
    case 'pending':
      return 'pend';
    case 'resolved':
      return 'resolve';
    case 'closed':
      return 'close';
    case 'new':
      // Nothing moves back to new; INCIDENT_TRANSITIONS has no such move.
      return 'reopen';
  }
}

const ASKS: Record<TransitionAction, TransitionOption['asks']> = {
  acknowledge: null,
  start: null,
  resume: null,
  pend: 'pending-reason',
  resolve: 'resolution',
  close: null,
  reopen: 'note',
};

/** The next step an engineer usually takes from each status. */
const PRIMARY: Record<IncidentStatus, IncidentStatus | null> = {
  new: 'acknowledged',
  acknowledged: 'in-progress',
  'in-progress': 'resolved',
  pending: 'in-progress',
  resolved: 'closed',
  closed: null,
};

/** Only the moves the domain allows from this status, in the order of the flow. */
export function transitionOptions(from: IncidentStatus): TransitionOption[] {
  return INCIDENT_TRANSITIONS[from].map((to) => {
    const action = actionFor(from, to);
    return { to, action, asks: ASKS[action], primary: PRIMARY[from] === to };
  });
}
