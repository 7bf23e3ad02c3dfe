import { SlaPolicy, SlaPolicyFields, type BusinessCalendar } from '@shared/domain/sla';
import { AppError } from '@shared/errors';
import { DEFAULT_SLA_POLICY_FIELDS, DEFAULT_SLA_POLICY_ID, validateCalendar } from '@shared/sla';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { SlaPoliciesRepo, toPolicy, toStoredFields, type SlaPolicyRow } from './sla-policies.repo';

const ENTITY = 'slaPolicy';

/**
 * SLA policies: one per client contract, and the default for clients without
 * one. The default always has the id DEFAULT_SLA_POLICY_ID; until someone
 * saves it, it is the built-in DEFAULT_SLA_POLICY_FIELDS (createdAt 0), so
 * reading a policy never writes and works before a profile is set.
 */
export class SlaPoliciesService {
  private readonly repo: SlaPoliciesRepo;
  /**
   * Effective policy by client id ('' for none). The incidents list asks for
   * every row, so it must not query each time; the same object each time also
   * lets the engine reuse its compiled calendar.
   */
  private readonly effective = new Map<string, SlaPolicy>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
  ) {
    this.repo = new SlaPoliciesRepo(store.db);
    // Policies also change by sync, which announces them like any other change.
    this.unsubscribe = events.on((name, payload) => {
      if (name !== 'records.changed') return;
      const { entities } = payload as { entities: string[] };
      if (entities.includes(ENTITY) || entities.includes('*')) this.effective.clear();
    });
  }

  /** Stops following changes: core is closing or the store was replaced by a restore (the services are built anew). */
  close(): void {
    this.unsubscribe();
  }

  /** Live policies, default first. A row the schema cannot read (damaged in transit) is left out rather than failing the list. */
  list(): SlaPolicy[] {
    const stored = this.repo.live().flatMap((row) => {
      try {
        return [SlaPolicy.parse(toPolicy(row))];
      } catch {
        return [];
      }
    });
    return stored.some((policy) => policy.clientId === null) ? stored : [builtInDefault(), ...stored];
  }

  /** The policy for a client's incidents: its own, else the stored default, else the built-in one. Cached; treat as read-only. */
  effectivePolicy(clientId: string | null): SlaPolicy {
    const key = clientId ?? '';
    let policy = this.effective.get(key);
    if (!policy) {
      const candidates = [clientId !== null ? this.repo.forClient(clientId) : undefined, this.repo.forClient(null)];
      policy = deepFreeze(candidates.map(usablePolicy).find((found) => found !== null) ?? builtInDefault());
      this.effective.set(key, policy);
    }
    return policy;
  }

  save(input: { id?: string; fields: SlaPolicyFields }): SlaPolicy {
    const fields = normalise(SlaPolicyFields.parse(input.fields));
    validateCalendar(fields.calendar);
    let savedId = '';
    // Planned inside the transaction, so the checks and the write see the same rows.
    this.store.writePath.write(() => {
      const plan = this.plan(input.id ?? null, fields);
      savedId = plan.id;
      return plan.mutations;
    });
    this.changed();
    const saved = this.repo.find(savedId);
    if (!saved) throw new AppError('internal.error', 'The saved SLA policy cannot be read back');
    return toPolicy(saved);
  }

  private plan(id: string | null, fields: SlaPolicyFields): { id: string; mutations: Mutation[] } {
    const existing = id !== null ? this.repo.find(id) : undefined;
    const live = existing !== undefined && existing.deleted_at === null;
    if (id !== null && id !== DEFAULT_SLA_POLICY_ID && !live) throw new AppError('sla.policy-not-found', `No SLA policy with id ${id}`);
    const isDefault = id === DEFAULT_SLA_POLICY_ID || (id === null && fields.clientId === null) || (live && existing.client_id === null);

    let target: string;
    if (isDefault) {
      if (fields.clientId !== null) {
        throw new AppError('sla.default-required', 'The default policy applies to every client without its own; it cannot be given to one client', {
          details: { field: 'clientId' },
        });
      }
      const stored = this.repo.forClient(null);
      if (id === null && stored) throw duplicate(null, stored.id);
      target = id ?? DEFAULT_SLA_POLICY_ID;
    } else {
      // There is always a default (built in until saved): a client policy cannot become a second one.
      if (fields.clientId === null) throw duplicate(null, this.repo.forClient(null)?.id ?? DEFAULT_SLA_POLICY_ID);
      if (fields.clientId !== existing?.client_id && !this.repo.clientIsLive(fields.clientId)) {
        throw new AppError('locations.not-found', `No client with id ${fields.clientId}`, { details: { field: 'clientId' } });
      }
      const taken = this.repo.forClient(fields.clientId, id);
      if (taken) throw duplicate(fields.clientId, taken.id);
      target = id ?? newId();
    }

    const stored = toStoredFields(fields);
    const row = target === id ? existing : this.repo.find(target);
    if (!row) return { id: target, mutations: [{ entity: ENTITY, op: 'insert', id: target, fields: stored }] };
    // Only the default can get here deleted: this service never deletes it, but a tombstone could come by sync.
    const restore: Mutation[] = row.deleted_at !== null ? [{ entity: ENTITY, op: 'restore', id: target }] : [];
    return { id: target, mutations: [...restore, { entity: ENTITY, op: 'update', id: target, fields: stored }] };
  }

  delete(id: string): { id: string } {
    this.store.writePath.write([{ entity: ENTITY, op: 'delete', id }], () => {
      const existing = this.repo.find(id);
      if (id === DEFAULT_SLA_POLICY_ID || existing?.client_id === null) {
        throw new AppError('sla.default-required', 'The default policy cannot be deleted: incidents of clients without a contract use it');
      }
      if (!existing || existing.deleted_at !== null) throw new AppError('sla.policy-not-found', `No SLA policy with id ${id}`);
    });
    this.changed();
    return { id };
  }

  private changed(): void {
    this.effective.clear();
    this.events.emit('records.changed', { entities: [ENTITY] });
  }
}

/**
 * A stored policy the clock can run on, or null. Rows arrive by sync too; one
 * that is damaged must not stop every incident list from loading, so it is
 * passed over (the next candidate, at worst the built-in default, applies).
 */
function usablePolicy(row: SlaPolicyRow | undefined): SlaPolicy | null {
  if (!row) return null;
  try {
    const policy = SlaPolicy.parse(toPolicy(row));
    validateCalendar(policy.calendar);
    return policy;
  } catch {
    return null;
  }
}

function duplicate(clientId: string | null, existingId: string): AppError {
  const message = clientId === null ? 'There is a default policy already' : 'This client has an SLA policy already';
  return new AppError('sla.duplicate-client', message, { details: { field: 'clientId', existingId } });
}

function builtInDefault(): SlaPolicy {
  return { ...structuredClone(DEFAULT_SLA_POLICY_FIELDS), id: DEFAULT_SLA_POLICY_ID, createdAt: 0, updatedAt: 0 };
}

/** One spelling per policy: weekdays and dates sorted and unique, so an unchanged form saves as no change. */
function normalise(fields: SlaPolicyFields): SlaPolicyFields {
  const calendar: BusinessCalendar =
    fields.calendar.kind === '24x7'
      ? { kind: '24x7' }
      : {
          ...fields.calendar,
          timeZone: fields.calendar.timeZone.trim(),
          weekdays: [...new Set(fields.calendar.weekdays)].sort((a, b) => a - b),
          holidays: [...new Set(fields.calendar.holidays)].sort(),
          extraWorkdays: [...new Set(fields.calendar.extraWorkdays)].sort(),
        };
  return { ...fields, calendar };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
