import type { LocationKind, LocationRef, LocationTree, NewLocation } from '@shared/domain/locations';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { LocationsRepo, PARENT_KIND } from './locations.repo';

const ENTITIES = ['client', 'site', 'room', 'rack'];

/** The rules of the location tree: names unique among siblings, only empty nodes deleted, parents alive. */
export class LocationsService {
  private readonly repo: LocationsRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
  ) {
    this.repo = new LocationsRepo(store.db);
  }

  tree(): LocationTree {
    return this.repo.tree();
  }

  create(input: NewLocation): { id: string } {
    const id = newId();
    const { parentId, fields } = newNodeFields(input);
    this.store.writePath.write([{ entity: input.kind, op: 'insert', id, fields }], () => {
      this.assertParentAlive(input.kind, parentId);
      this.assertNameFree(input.kind, parentId, input.name);
    });
    this.changed();
    return { id };
  }

  rename(input: LocationRef & { name: string }): { id: string } {
    this.store.writePath.write([{ entity: input.kind, op: 'update', id: input.id, fields: { name: input.name } }], () => {
      const node = this.liveNode(input);
      this.assertNameFree(input.kind, node.parent_id, input.name, input.id);
    });
    this.changed();
    return { id: input.id };
  }

  delete(input: LocationRef): { id: string } {
    this.store.writePath.write([{ entity: input.kind, op: 'delete', id: input.id }], () => {
      this.liveNode(input);
      const contents = this.repo.liveContents(input.kind, input.id);
      if (Object.keys(contents).length > 0) {
        const list = Object.entries(contents).map(([label, n]) => `${n} ${label}`);
        throw new AppError('locations.not-empty', `This ${input.kind} still holds ${list.join(', ')}; delete or move them first`, {
          details: { contents },
        });
      }
    });
    this.changed();
    return { id: input.id };
  }

  restore(input: LocationRef): { id: string } {
    this.store.writePath.write([{ entity: input.kind, op: 'restore', id: input.id }], () => {
      const node = this.repo.find(input.kind, input.id);
      if (!node) throw new AppError('locations.not-found', `No ${input.kind} with id ${input.id}`);
      if (node.deleted_at === null) throw new AppError('locations.not-deleted', `This ${input.kind} is not deleted`);
      this.assertParentAlive(input.kind, node.parent_id);
      this.assertNameFree(input.kind, node.parent_id, node.name, input.id);
    });
    this.changed();
    return { id: input.id };
  }

  private liveNode(ref: LocationRef) {
    const node = this.repo.find(ref.kind, ref.id);
    if (!node || node.deleted_at !== null) throw new AppError('locations.not-found', `No ${ref.kind} with id ${ref.id}`);
    return node;
  }

  private assertParentAlive(kind: LocationKind, parentId: string | null): void {
    const parentKind = PARENT_KIND[kind];
    if (!parentKind || !parentId) return;
    const parent = this.repo.find(parentKind, parentId);
    if (!parent || parent.deleted_at !== null) throw new AppError('locations.parent-not-found', `No ${parentKind} with id ${parentId}`);
  }

  private assertNameFree(kind: LocationKind, parentId: string | null, name: string, exceptId?: string): void {
    if (this.repo.siblingNamed(kind, parentId, name, exceptId)) {
      throw new AppError('locations.duplicate-name', `A ${kind} named "${name}" exists here already`, { details: { field: 'name' } });
    }
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ENTITIES });
  }
}

/** The parent id and the stored fields of a new node of each kind. */
function newNodeFields(input: NewLocation): { parentId: string | null; fields: Record<string, unknown> } {
  switch (input.kind) {
    case 'client':
      return { parentId: null, fields: { name: input.name } };
    case 'site':
      return { parentId: input.clientId, fields: { clientId: input.clientId, name: input.name } };
    case 'room':
      return { parentId: input.siteId, fields: { siteId: input.siteId, name: input.name } };
    case 'rack':
      return { parentId: input.roomId, fields: { roomId: input.roomId, name: input.name, heightU: input.heightU } };
  }
}
