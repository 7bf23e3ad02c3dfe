/**
 * The tables that travel to the server, and which of their fields the write
 * path may set. The write path builds SQL only from these names, never from
 * caller input, so nothing outside this list can be written through it.
 */
export interface SyncedEntity {
  table: string;
  /** API field name → column name. id, created_at, updated_at and deleted_at are managed by the write path. */
  fields: Readonly<Record<string, string>>;
}

export const syncedEntities = {
  client: { table: 'clients', fields: { name: 'name' } },
  site: { table: 'sites', fields: { clientId: 'client_id', name: 'name' } },
  room: { table: 'rooms', fields: { siteId: 'site_id', name: 'name' } },
} as const satisfies Record<string, SyncedEntity>;

export type SyncedEntityName = keyof typeof syncedEntities;
