import { ATTACHMENT_OWNER_ENTITIES, SYNC_ENTITIES, type PushableEntityName } from './entities';

/**
 * Where a record sits in the client → site tree. Scope checks on push and the
 * filter on pull both compare users' scopes with this. `clientId: null` means
 * the record cannot be placed (a knowledge article, a consultation without
 * assets, a record whose parent the server has not seen): it is
 * organisation-wide.
 */
export interface Placement {
  clientId: string | null;
  siteId: string | null;
}

export const NOWHERE: Placement = { clientId: null, siteId: null };

/** A record the server may know, by id, among these entities. */
export interface PlacementRef {
  entities: readonly PushableEntityName[];
  id: string;
}

/**
 * How to place a record: either directly (a client, a site), or through the
 * first of its references that the server knows, whose stored placement it
 * takes. One hop per record keeps placement cheap: every stored record already
 * carries its own.
 *
 * The rules, per entity:
 * - client: itself; site: its client and itself.
 * - room → site; rack → room; subnet → site.
 * - asset → room, else rack, else the host it is installed on.
 * - check results, config backups → asset.
 * - incident → locationId (a client, site, room or rack), else its first asset.
 * - incident children, problem children, round children → their parent.
 * - problem, change → first asset; emergency plan → site, else client.
 * - attachment → its owner record (ownerType/ownerId).
 * - SLA policy → client (the default policy, clientId null, is organisation-wide).
 * - round schedule and round → room, else first asset of the target; round also → its roomId.
 * - knowledge articles, checklist templates and their versions → organisation-wide.
 * - conflict → keeps the placement the server gave it (the record it is about).
 */
export type PlacementSource = { kind: 'fixed'; placement: Placement } | { kind: 'refs'; refs: PlacementRef[] } | { kind: 'keep' };

const LOCATIONS = ['client', 'site', 'room', 'rack'] as const satisfies readonly PushableEntityName[];

export function placementSource(entity: PushableEntityName, id: string, fields: Readonly<Record<string, unknown>>): PlacementSource {
  const refs: PlacementRef[] = [];
  const add = (entities: readonly PushableEntityName[], value: unknown) => {
    if (typeof value === 'string' && value !== '') refs.push({ entities, id: value });
  };
  const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : undefined);
  const target = (value: unknown) => {
    if (value && typeof value === 'object') {
      const t = value as { kind?: unknown; roomId?: unknown; assetIds?: unknown };
      if (t.kind === 'room') add(['room'], t.roomId);
      if (t.kind === 'assets') add(['asset'], firstOf(t.assetIds));
    }
  };

  switch (entity) {
    case 'client':
      return { kind: 'fixed', placement: { clientId: id, siteId: null } };
    case 'site':
      return { kind: 'fixed', placement: { clientId: typeof fields.clientId === 'string' ? fields.clientId : null, siteId: id } };
    case 'room':
    case 'subnet':
      add(['site'], fields.siteId);
      break;
    case 'rack':
      add(['room'], fields.roomId);
      break;
    case 'asset':
      add(['room'], fields.roomId);
      add(['rack'], fields.rackId);
      add(['asset'], fields.installedOnId);
      break;
    case 'checkResult':
    case 'configBackup':
      add(['asset'], fields.assetId);
      break;
    case 'incident':
      add(LOCATIONS, fields.locationId);
      add(['asset'], firstOf(fields.assetIds));
      break;
    case 'problem':
    case 'change':
      add(['asset'], firstOf(fields.assetIds));
      break;
    case 'emergencyPlan':
      add(['site'], fields.siteId);
      add(['client'], fields.clientId);
      break;
    case 'slaPolicy':
      add(['client'], fields.clientId);
      break;
    case 'roundSchedule':
      target(fields.target);
      break;
    case 'round':
      add(['room'], fields.roomId);
      target(fields.target);
      break;
    case 'attachment': {
      const owner = typeof fields.ownerType === 'string' ? ATTACHMENT_OWNER_ENTITIES[fields.ownerType] : undefined;
      if (owner) add([owner], fields.ownerId);
      break;
    }
    case 'conflict':
      return { kind: 'keep' };
    default: {
      const parent = parentRef(entity, fields);
      if (parent) refs.push(parent);
    }
  }
  return refs.length > 0 ? { kind: 'refs', refs } : { kind: 'fixed', placement: NOWHERE };
}

/** The record whose owner a new record inherits, if any: its parent, or an attachment's owner record. */
export function parentRef(entity: PushableEntityName, fields: Readonly<Record<string, unknown>>): PlacementRef | null {
  if (entity === 'attachment') {
    const owner = typeof fields.ownerType === 'string' ? ATTACHMENT_OWNER_ENTITIES[fields.ownerType] : undefined;
    return owner && typeof fields.ownerId === 'string' ? { entities: [owner], id: fields.ownerId } : null;
  }
  const spec = SYNC_ENTITIES[entity];
  const parent = 'parent' in spec ? spec.parent : undefined;
  const value = parent ? fields[parent.field] : undefined;
  return parent && typeof value === 'string' ? { entities: [parent.entity as PushableEntityName], id: value } : null;
}
