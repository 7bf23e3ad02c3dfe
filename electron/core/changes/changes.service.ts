import {
  APPROVER_ROLES,
  canMoveChange,
  CHANGE_OUTCOMES,
  EDITABLE_CHANGE_STATUSES,
  missingSubmitField,
  windowInvalid,
  type Change,
  type ChangeFields,
  type ChangeFilter,
  type ChangePatch,
  type ChangeStatus,
} from '@shared/domain/changes';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { assertLiveAssets } from '../problems/asset-references';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { ChangesRepo, toChange, type ChangeRow } from './changes.repo';

const ENTITIES = ['change'];

export interface ChangesServiceDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
}

export interface TransitionInput {
  to: ChangeStatus;
  comment: string;
  result: string;
  at?: number;
}

type Fields = Record<string, unknown>;

/**
 * The rules of changes (变更): the plan is edited while draft or submitted;
 * submitting needs the plan, risk, rollback plan and a window that ends after
 * it starts; only a supervisor or an administrator approves or rejects, with
 * the time they recorded on their laptop; the work ends completed, failed or
 * rolled back with a result. Every refusal writes nothing.
 */
export class ChangesService {
  readonly repo: ChangesRepo;

  constructor(private readonly deps: ChangesServiceDeps) {
    this.repo = new ChangesRepo(deps.store.db);
  }

  list(input: { filter: ChangeFilter; offset: number; limit: number }): { total: number; offset: number; rows: Change[] } {
    const { total, rows } = this.repo.list(input.filter, input.offset, input.limit);
    return { total, offset: input.offset, rows: rows.map(toChange) };
  }

  get(id: string): Change {
    return toChange(this.liveRow(id));
  }

  create(fields: ChangeFields): Change {
    const actor = this.actor();
    const id = newId();
    const assetIds = [...new Set(fields.assetIds)];
    this.write(() => {
      assertWindow(fields);
      assertLiveAssets(this.deps.store.db, assetIds);
      return [
        {
          entity: 'change',
          op: 'insert',
          id,
          fields: {
            ...fields,
            assetIds,
            status: 'draft',
            submittedAt: null,
            decision: null,
            decidedBy: '',
            decidedRole: null,
            decidedAt: null,
            decisionComment: '',
            startedAt: null,
            result: '',
            resultAt: null,
            cancelledAt: null,
            cancelReason: '',
            createdBy: actor.name,
          },
        },
      ];
    });
    return this.get(id);
  }

  update(id: string, patch: ChangePatch): Change {
    this.write(() => {
      const row = this.liveRow(id);
      if (!EDITABLE_CHANGE_STATUSES.includes(row.status)) {
        throw new AppError('changes.read-only', `A ${row.status} change cannot be edited`, { details: { status: row.status } });
      }
      const fields: Fields = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      if (Object.keys(fields).length === 0) return [];
      const merged = { ...toChange(row), ...fields } as Change;
      assertWindow(merged);
      // A submitted change waits for approval as it is: it may not lose what submitting required.
      if (row.status === 'submitted') assertSubmittable(merged);
      if (patch.assetIds) {
        fields['assetIds'] = [...new Set(patch.assetIds)];
        assertLiveAssets(this.deps.store.db, fields['assetIds'] as string[]);
      }
      return [{ entity: 'change', op: 'update', id, fields }];
    });
    return this.get(id);
  }

  transition(id: string, input: TransitionInput): Change {
    const at = this.recordedAt(input.at);
    const actor = this.actor();
    this.write(() => {
      const row = this.liveRow(id);
      const { to } = input;
      if (!canMoveChange(row.status, to)) {
        throw new AppError('changes.invalid-transition', `A ${row.status} change cannot move to ${to}`, { details: { from: row.status, to } });
      }
      return [{ entity: 'change', op: 'update', id, fields: { status: to, ...this.transitionFields(row, input, actor, at) } }];
    });
    return this.get(id);
  }

  private transitionFields(row: ChangeRow, input: TransitionInput, actor: Profile, at: number): Fields {
    const { to, comment, result } = input;
    if (to === 'submitted') {
      const change = toChange(row);
      assertWindow(change);
      assertSubmittable(change);
      return { submittedAt: at };
    }
    if (to === 'approved' || to === 'rejected') {
      if (!APPROVER_ROLES.includes(actor.role)) {
        throw new AppError('changes.approval-role', `Only a supervisor or an administrator may decide on a change, not a ${actor.role}`, {
          details: { role: actor.role },
        });
      }
      if (to === 'rejected' && comment === '') throw missingField('comment');
      return { decision: to, decidedBy: actor.name, decidedRole: actor.role, decidedAt: at, decisionComment: comment };
    }
    if (to === 'in-progress') return { startedAt: at, implementer: row.implementer || actor.name };
    if ((CHANGE_OUTCOMES as readonly ChangeStatus[]).includes(to)) {
      if (result === '') throw missingField('result');
      return { result, resultAt: at };
    }
    if (to === 'cancelled') return { cancelledAt: at, cancelReason: comment };
    // Back to draft after a rejection: the decision stays on record until the next one.
    return {};
  }

  private write(mutations: () => Mutation[]): void {
    this.deps.store.writePath.write(mutations);
    this.deps.events.emit('records.changed', { entities: ENTITIES });
  }

  private liveRow(id: string): ChangeRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('changes.not-found', `No change with id ${id}`, { details: { id } });
    return row;
  }

  /** The time a person recorded on the laptop (an approval given offline): now when absent, never later than now. */
  private recordedAt(at: number | undefined): number {
    const now = this.deps.now();
    if (at === undefined) return now;
    if (at > now) throw new AppError('changes.time-in-future', 'A recorded time cannot be in the future', { details: { at, now } });
    return at;
  }

  private actor(): Profile {
    const actor = this.deps.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
    return actor;
  }
}

function assertWindow(change: Pick<Change, 'windowStart' | 'windowEnd'>): void {
  if (windowInvalid(change)) {
    throw new AppError('changes.window-invalid', 'The change window must end after it starts', {
      details: { windowStart: change.windowStart, windowEnd: change.windowEnd },
    });
  }
}

function assertSubmittable(change: Change): void {
  const missing = missingSubmitField(change);
  if (missing) throw missingField(missing);
}

function missingField(field: string): AppError {
  return new AppError('changes.missing-field', `The change needs ${field}`, { details: { field } });
}
