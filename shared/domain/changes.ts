import { z } from 'zod';
import { Role } from './profile';
import { EpochMs, Id } from './ids';

/**
 * Changes (变更): a planned modification of a device or system with its plan,
 * risk, rollback plan and window, approved or rejected by a supervisor before
 * it is carried out, and closed with its result. Every decision keeps the time
 * recorded on the laptop (an approval given offline syncs later).
 */

export const CHANGE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'in-progress', 'completed', 'failed', 'rolled-back', 'cancelled'] as const;
export const ChangeStatus = z.enum(CHANGE_STATUSES);
export type ChangeStatus = z.infer<typeof ChangeStatus>;

/**
 * Allowed moves. A rejected change goes back to draft to be revised and
 * submitted again; completed, failed, rolled back and cancelled are final.
 */
export const CHANGE_TRANSITIONS: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['approved', 'rejected', 'cancelled'],
  approved: ['in-progress', 'cancelled'],
  rejected: ['draft'],
  'in-progress': ['completed', 'failed', 'rolled-back'],
  completed: [],
  failed: [],
  'rolled-back': [],
  cancelled: [],
};

export function canMoveChange(from: ChangeStatus, to: ChangeStatus): boolean {
  return CHANGE_TRANSITIONS[from].includes(to);
}

/** Statuses in which the plan may still be edited. */
export const EDITABLE_CHANGE_STATUSES: readonly ChangeStatus[] = ['draft', 'submitted'];
/** Outcomes that close a change and need a result. */
export const CHANGE_OUTCOMES = ['completed', 'failed', 'rolled-back'] as const satisfies readonly ChangeStatus[];
/** Decisions only a supervisor or an administrator may record. */
export const CHANGE_DECISIONS = ['approved', 'rejected'] as const satisfies readonly ChangeStatus[];
export const ChangeDecision = z.enum(CHANGE_DECISIONS);
export type ChangeDecision = z.infer<typeof ChangeDecision>;
export const APPROVER_ROLES: readonly Role[] = ['supervisor', 'admin'];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

const Text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const CHANGE_LIMITS = { title: 200, person: 100, text: 20_000, assets: 200 } as const;

/**
 * The plan as written. A draft may be incomplete; submitting needs what
 * {@link missingSubmitField} lists.
 */
export const ChangeFields = z.object({
  title: Text(CHANGE_LIMITS.title).min(1, 'The title is required'),
  description: Text(CHANGE_LIMITS.text).default(''),
  assetIds: z.array(Id).max(CHANGE_LIMITS.assets).default([]),
  /** Steps of the change (实施方案). */
  plan: Text(CHANGE_LIMITS.text).default(''),
  riskLevel: RiskLevel.nullable().default(null),
  /** What could go wrong and what it would affect. */
  riskText: Text(CHANGE_LIMITS.text).default(''),
  /** How to go back (回退方案). */
  rollbackPlan: Text(CHANGE_LIMITS.text).default(''),
  /** The agreed window (变更窗口), UTC epoch ms; the end must be after the start. */
  windowStart: EpochMs.nullable().default(null),
  windowEnd: EpochMs.nullable().default(null),
  requester: Text(CHANGE_LIMITS.person).min(1, 'The requester is required'),
  implementer: Text(CHANGE_LIMITS.person).default(''),
});
export type ChangeFields = z.infer<typeof ChangeFields>;
export type ChangeFieldsInput = z.input<typeof ChangeFields>;

/** Some fields of a draft or submitted change (no defaults: absent means unchanged). */
export const ChangePatch = z
  .object({
    title: Text(CHANGE_LIMITS.title).min(1, 'The title is required'),
    description: Text(CHANGE_LIMITS.text),
    assetIds: z.array(Id).max(CHANGE_LIMITS.assets),
    plan: Text(CHANGE_LIMITS.text),
    riskLevel: RiskLevel.nullable(),
    riskText: Text(CHANGE_LIMITS.text),
    rollbackPlan: Text(CHANGE_LIMITS.text),
    windowStart: EpochMs.nullable(),
    windowEnd: EpochMs.nullable(),
    requester: Text(CHANGE_LIMITS.person).min(1, 'The requester is required'),
    implementer: Text(CHANGE_LIMITS.person),
  })
  .partial();
export type ChangePatch = z.infer<typeof ChangePatch>;

type PlanFields = Pick<ChangeFields, 'plan' | 'riskLevel' | 'rollbackPlan' | 'windowStart' | 'windowEnd'>;

/** The first field a change lacks before it can be submitted for approval, or null. */
export function missingSubmitField(change: PlanFields): keyof PlanFields | null {
  if (change.plan.trim() === '') return 'plan';
  if (change.riskLevel === null) return 'riskLevel';
  if (change.rollbackPlan.trim() === '') return 'rollbackPlan';
  if (change.windowStart === null) return 'windowStart';
  if (change.windowEnd === null) return 'windowEnd';
  return null;
}

/** True when both ends are set and the window does not end after it starts. */
export function windowInvalid(change: Pick<ChangeFields, 'windowStart' | 'windowEnd'>): boolean {
  return change.windowStart !== null && change.windowEnd !== null && change.windowEnd <= change.windowStart;
}

export const Change = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  assetIds: z.array(Id),
  plan: z.string(),
  riskLevel: RiskLevel.nullable(),
  riskText: z.string(),
  rollbackPlan: z.string(),
  windowStart: EpochMs.nullable(),
  windowEnd: EpochMs.nullable(),
  requester: z.string(),
  implementer: z.string(),
  status: ChangeStatus,
  submittedAt: EpochMs.nullable(),
  /** The latest approval or rejection: by whom (name and role), when (laptop time) and why. */
  decision: ChangeDecision.nullable(),
  decidedBy: z.string(),
  decidedRole: Role.nullable(),
  decidedAt: EpochMs.nullable(),
  decisionComment: z.string(),
  startedAt: EpochMs.nullable(),
  /** What happened, for completed, failed and rolled-back changes. */
  result: z.string(),
  resultAt: EpochMs.nullable(),
  cancelledAt: EpochMs.nullable(),
  cancelReason: z.string(),
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Change = z.infer<typeof Change>;

export const ChangeFilter = z.object({
  /** Words matched against title, description, plan, risk, rollback plan, requester and implementer (Chinese substrings too). */
  search: z.string().trim().max(200).default(''),
  statuses: z.array(ChangeStatus).max(CHANGE_STATUSES.length).default([]),
  riskLevels: z.array(RiskLevel).max(RISK_LEVELS.length).default([]),
});
export type ChangeFilter = z.infer<typeof ChangeFilter>;
export type ChangeFilterInput = z.input<typeof ChangeFilter>;
