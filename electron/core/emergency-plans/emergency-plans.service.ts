import { z } from 'zod';
import {
  PlanFields,
  type EmergencyPlan,
  type PlanFieldsPatch,
  type PlanFilter,
  type PlanSummary,
  type PlanTemplateSummary,
} from '@shared/domain/emergency-plans';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { EmergencyPlansRepo, rowFields, toPlan, toSummary, type PlanRow } from './emergency-plans.repo';
import { toTemplateSummary, type PlanTemplateCatalog } from './plan-templates';

const ENTITY = 'emergencyPlan';

/**
 * The rules of emergency plans: a plan belongs to a live client (and
 * optionally one of its sites), has at least one step, gives every contact a
 * phone number and calls only its own contacts, in time order. Every change is
 * checked on the whole plan inside the write's transaction, so a refused
 * change saves nothing.
 */
export class EmergencyPlansService {
  readonly repo: EmergencyPlansRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly templates: PlanTemplateCatalog,
  ) {
    this.repo = new EmergencyPlansRepo(store.db);
  }

  list(filter: PlanFilter): PlanSummary[] {
    return this.repo.list(filter).map(toSummary);
  }

  get(id: string): EmergencyPlan {
    return toPlan(this.liveRow(id));
  }

  create(fields: PlanFields): { id: string } {
    const id = newId();
    this.store.writePath.write(() => [{ entity: ENTITY, op: 'insert', id, fields: { ...this.checked(fields), templateId: null } }]);
    this.changed();
    return { id };
  }

  update(id: string, change: PlanFieldsPatch): { id: string } {
    this.store.writePath.write(() => {
      const current = rowFields(this.liveRow(id));
      const merged = { ...current, ...definedOnly(change) };
      // A plan moved to another client cannot keep a site of the old one.
      if (change.clientId !== undefined && change.clientId !== current.clientId && change.siteId === undefined) merged.siteId = null;
      return [{ entity: ENTITY, op: 'update', id, fields: { ...this.checked(merged) } }];
    });
    this.changed();
    return { id };
  }

  delete(id: string): { id: string } {
    this.store.writePath.write([{ entity: ENTITY, op: 'delete', id }], () => {
      this.liveRow(id);
    });
    this.changed();
    return { id };
  }

  /** Undoes a delete; restoring a plan that is not deleted changes nothing. */
  restore(id: string): { id: string } {
    const row = this.repo.get(id);
    if (!row) throw new AppError('plans.not-found', `No emergency plan with id ${id}`);
    if (row.deleted_at === null) return { id };
    this.store.writePath.write([{ entity: ENTITY, op: 'restore', id }], () => {
      this.checkScope(row.client_id, row.site_id);
    });
    this.changed();
    return { id };
  }

  templateList(): PlanTemplateSummary[] {
    return this.templates.all().map(toTemplateSummary);
  }

  /** A new, unreviewed plan for the client (or site) with the template's content. */
  fromTemplate(templateId: string, clientId: string, siteId: string | null): { id: string } {
    const { id: _templateId, ...content } = this.templates.get(templateId);
    const id = newId();
    this.store.writePath.write(() => [
      { entity: ENTITY, op: 'insert', id, fields: { ...this.checked({ ...content, clientId, siteId, reviewedAt: null }), templateId } },
    ]);
    this.changed();
    return { id };
  }

  /** The whole plan checked against the shared schema and the location tree, normalised (trimmed). */
  private checked(fields: z.input<typeof PlanFields>): PlanFields {
    const result = PlanFields.safeParse(fields);
    if (!result.success) {
      throw new AppError('api.invalid-input', `Invalid emergency plan: ${z.prettifyError(result.error)}`, {
        details: { issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) },
      });
    }
    this.checkScope(result.data.clientId, result.data.siteId);
    return result.data;
  }

  private checkScope(clientId: string, siteId: string | null): void {
    if (!this.repo.liveClient(clientId)) {
      throw new AppError('locations.not-found', `No client with id ${clientId}`, { details: { field: 'clientId' } });
    }
    if (siteId === null) return;
    const site = this.repo.liveSite(siteId);
    if (!site || site.client_id !== clientId) {
      throw new AppError('locations.not-found', `No site with id ${siteId} under this client`, { details: { field: 'siteId' } });
    }
  }

  private liveRow(id: string): PlanRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('plans.not-found', `No emergency plan with id ${id}`);
    return row;
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: [ENTITY] });
  }
}

function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}
