import type { ChipProps } from '@mui/material';
import { APPROVER_ROLES, CHANGE_DECISIONS, CHANGE_TRANSITIONS, type ChangeStatus, type RiskLevel } from '@shared/domain/changes';
import type { Role } from '@shared/domain/profile';

/** Colour always goes with the word, never instead of it. */
export const CHANGE_STATUS_COLOR: Record<ChangeStatus, NonNullable<ChipProps['color']>> = {
  draft: 'default',
  submitted: 'info',
  approved: 'primary',
  rejected: 'error',
  'in-progress': 'warning',
  completed: 'success',
  failed: 'error',
  'rolled-back': 'warning',
  cancelled: 'default',
};

export const RISK_COLOR: Record<RiskLevel, NonNullable<ChipProps['color']>> = {
  low: 'success',
  medium: 'warning',
  high: 'error',
};

export function canDecide(role: Role | undefined): boolean {
  return role !== undefined && APPROVER_ROLES.includes(role);
}

/** The moves offered as buttons: everything allowed except approving and rejecting, which have their own panel. */
export function actionMoves(status: ChangeStatus): ChangeStatus[] {
  return CHANGE_TRANSITIONS[status].filter((to) => !(CHANGE_DECISIONS as readonly ChangeStatus[]).includes(to));
}

export function awaitsDecision(status: ChangeStatus): boolean {
  return CHANGE_TRANSITIONS[status].some((to) => (CHANGE_DECISIONS as readonly ChangeStatus[]).includes(to));
}
