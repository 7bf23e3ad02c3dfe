import {
  assetFieldProblems,
  isSoftwareType,
  warrantyCutoff,
  type Asset,
  type AssetFields,
  type AssetFilter,
  type RackElevation,
} from '@shared/domain/assets';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { statement } from '../store/statements';
import { AssetsRepo, rowFields, toAsset, type AssetRow } from './assets.repo';
import { canonicalIp } from './canonical-ip';

const ENTITIES = ['asset'];

type Sort = { field: string; direction: 'asc' | 'desc' };

/**
 * The rules of the asset register: unique tags, free rack ranges inside the
 * rack, software installed on live hardware, locations that exist.
 */
export class AssetsService {
  readonly repo: AssetsRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly now: () => number,
  ) {
    this.repo = new AssetsRepo(store.db);
  }

  list(input: { filter: AssetFilter; sort: Sort; offset: number; limit: number }) {
    const cutoff = warrantyCutoff(this.now());
    const { total, totalCapped, rows } = this.repo.list({ ...input, warrantyCutoff: cutoff });
    return { total, totalCapped, offset: input.offset, rows: rows.map((row) => toAsset(row, cutoff)) };
  }

  get(id: string): { asset: Asset; installedSoftware: Asset[]; host: Asset | null } {
    const cutoff = warrantyCutoff(this.now());
    const row = this.liveRow(id);
    const host = row.installed_on_id ? this.repo.get(row.installed_on_id) : undefined;
    return {
      asset: toAsset(row, cutoff),
      installedSoftware: this.repo.installedOn(id).map((r) => toAsset(r, cutoff)),
      host: host ? toAsset(host, cutoff) : null,
    };
  }

  create(fields: AssetFields): { id: string } {
    const id = newId();
    this.store.writePath.write(() => [{ entity: 'asset', op: 'insert', id, fields: { ...this.validate(fields, null) } }]);
    this.changed();
    return { id };
  }

  update(id: string, change: Partial<AssetFields>): { id: string } {
    this.store.writePath.write(() => {
      const current = rowFields(this.liveRow(id));
      const merged = { ...current, ...definedOnly(change) };
      // Moving to another room without naming a rack takes the device out of its rack.
      if (change.roomId !== undefined && change.roomId !== current.roomId && change.rackId === undefined) {
        Object.assign(merged, { rackId: null, rackUStart: null, rackUHeight: null });
      }
      return [{ entity: 'asset', op: 'update', id, fields: { ...this.validate(merged, id) } }];
    });
    this.changed();
    return { id };
  }

  delete(id: string): { id: string } {
    this.store.writePath.write([{ entity: 'asset', op: 'delete', id }], () => {
      this.liveRow(id);
      const software = this.repo.installedOn(id);
      if (software.length > 0) {
        throw new AppError('assets.has-software', `${software.length} software asset(s) are installed on this device; delete or move them first`, {
          details: { software: software.map((s) => ({ id: s.id, name: s.name })) },
        });
      }
    });
    this.changed();
    return { id };
  }

  restore(id: string): { id: string } {
    this.store.writePath.write([{ entity: 'asset', op: 'restore', id }], () => {
      const row = this.repo.get(id);
      if (!row) throw new AppError('assets.not-found', `No asset with id ${id}`);
      if (row.deleted_at === null) throw new AppError('locations.not-deleted', 'This asset is not deleted');
      this.validate(rowFields(row), id);
    });
    this.changed();
    return { id };
  }

  vendors(): string[] {
    return this.repo.vendors();
  }

  quickOpen(text: string, limit: number): { exact: Asset | null; matches: Asset[] } {
    const cutoff = warrantyCutoff(this.now());
    const exact = this.repo.exact(text);
    const { rows } = this.repo.list({
      filter: { query: text, types: [], statuses: [], vendors: [], location: null, warrantyEndingSoon: false },
      sort: { field: 'name', direction: 'asc' },
      offset: 0,
      limit,
      warrantyCutoff: cutoff,
    });
    return { exact: exact ? toAsset(exact, cutoff) : null, matches: rows.map((row) => toAsset(row, cutoff)) };
  }

  elevation(rackId: string): RackElevation {
    const rack = this.liveRack(rackId);
    const occupants = this.repo.rackOccupants(rackId).map((o) => ({
      assetId: o.id,
      name: o.name,
      type: o.type,
      status: o.status,
      uStart: o.rack_u_start as number,
      uHeight: o.rack_u_height as number,
    }));
    const usedU = occupants.reduce((sum, o) => sum + o.uHeight, 0);
    return { rack: { id: rack.id, name: rack.name, heightU: rack.height_u, roomId: rack.room_id, roomName: rack.room_name }, occupants, freeU: rack.height_u - usedU };
  }

  resizeRack(id: string, heightU: number): { id: string } {
    this.store.writePath.write([{ entity: 'rack', op: 'update', id, fields: { heightU } }], () => {
      this.liveRack(id);
      const highest = Math.max(0, ...this.repo.rackOccupants(id).map((o) => (o.rack_u_start as number) + (o.rack_u_height as number) - 1));
      if (highest > heightU) {
        throw new AppError('racks.height-too-small', `A device occupies U${highest}; the rack cannot be shorter than ${highest} U`, { details: { highestU: highest } });
      }
    });
    this.events.emit('records.changed', { entities: ['rack'] });
    return { id };
  }

  /**
   * Checks a complete set of fields against the register and returns them
   * normalised (room taken from the rack, canonical unique addresses). Throws
   * the first rule broken. `selfId` is the asset being changed, if any.
   * Imports call this for every row inside their transaction.
   */
  validate(fields: AssetFields, selfId: string | null): AssetFields {
    const normalised: AssetFields = { ...fields, managementIps: [...new Set(fields.managementIps.map(canonicalIp))] };
    const problems = assetFieldProblems(normalised);
    if (problems.length > 0) {
      throw new AppError('assets.invalid-fields', problems.map(([, message]) => message).join('; '), {
        details: { issues: problems.map(([path, message]) => ({ path, message })) },
      });
    }
    if (normalised.rackId) {
      const rack = this.liveRack(normalised.rackId);
      if (normalised.roomId && normalised.roomId !== rack.room_id) {
        throw new AppError('assets.invalid-fields', 'The rack is in another room', { details: { issues: [{ path: 'rackId', message: 'The rack is in another room' }] } });
      }
      normalised.roomId = rack.room_id;
      this.assertRackRangeFree(rack, normalised.rackUStart as number, normalised.rackUHeight as number, selfId);
    } else if (normalised.roomId) {
      const room = statement(this.store.db, 'SELECT id FROM rooms WHERE id = ? AND deleted_at IS NULL').get(normalised.roomId);
      if (!room) throw new AppError('locations.not-found', `No machine room with id ${normalised.roomId}`, { details: { field: 'roomId' } });
    }
    if (normalised.installedOnId) {
      const host = this.repo.get(normalised.installedOnId);
      if (!host || host.deleted_at !== null || isSoftwareType(host.type) || host.id === selfId) {
        throw new AppError('assets.host-invalid', 'Software is installed on a live hardware asset', { details: { field: 'installedOnId' } });
      }
    }
    if (normalised.assetTag && this.repo.tagOwner(normalised.assetTag, selfId)) {
      throw new AppError('assets.duplicate-tag', `Asset tag ${normalised.assetTag} is already in use`, { details: { field: 'assetTag', value: normalised.assetTag } });
    }
    return normalised;
  }

  /** Runs many writes as one transaction and one change event (imports). */
  transaction<T>(work: () => T): T {
    return this.events.batch(() => this.store.db.transaction(work)());
  }

  private assertRackRangeFree(rack: { id: string; height_u: number }, uStart: number, uHeight: number, selfId: string | null): void {
    const top = uStart + uHeight - 1;
    if (top > rack.height_u) {
      throw new AppError('assets.rack-range-invalid', `U${uStart}–U${top} does not fit in a ${rack.height_u} U rack`, {
        details: { field: 'rackUStart', heightU: rack.height_u },
      });
    }
    const conflicts = this.repo
      .rackOccupants(rack.id)
      .filter((o) => o.id !== selfId)
      .filter((o) => (o.rack_u_start as number) <= top && uStart <= (o.rack_u_start as number) + (o.rack_u_height as number) - 1);
    if (conflicts.length > 0) {
      throw new AppError('assets.rack-range-taken', `U${uStart}–U${top} is taken by ${conflicts.map((c) => c.name).join(', ')}`, {
        details: { field: 'rackUStart', conflicts: conflicts.map((c) => ({ assetId: c.id, name: c.name, uStart: c.rack_u_start, uHeight: c.rack_u_height })) },
      });
    }
  }

  private liveRow(id: string): AssetRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('assets.not-found', `No asset with id ${id}`);
    return row;
  }

  private liveRack(id: string): { id: string; name: string; height_u: number; room_id: string; room_name: string } {
    const rack = statement(this.store.db, 'SELECT k.id, k.name, k.height_u, k.room_id, r.name AS room_name FROM racks k JOIN rooms r ON r.id = k.room_id WHERE k.id = ? AND k.deleted_at IS NULL')
      .get(id) as { id: string; name: string; height_u: number; room_id: string; room_name: string } | undefined;
    if (!rack) throw new AppError('locations.not-found', `No rack with id ${id}`, { details: { field: 'rackId' } });
    return rack;
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ENTITIES });
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
