/**
 * The tables that travel to the server, and which of their fields the write
 * path may set. The write path builds SQL only from these names, never from
 * caller input, so nothing outside this list can be written through it.
 */
export interface SyncedEntity {
  table: string;
  /** API field name → column name. id, created_at, updated_at and deleted_at are managed by the write path. */
  fields: Readonly<Record<string, string>>;
  /** Fields stored as JSON text (arrays, objects). */
  json?: readonly string[];
  /**
   * Fields kept out of the audit line: bulky evidence (raw output, a whole
   * configuration) that the row itself already holds and that never changes.
   */
  auditOmit?: readonly string[];
}

export const syncedEntities = {
  client: { table: 'clients', fields: { name: 'name' } },
  site: { table: 'sites', fields: { clientId: 'client_id', name: 'name' } },
  room: { table: 'rooms', fields: { siteId: 'site_id', name: 'name' } },
  rack: { table: 'racks', fields: { roomId: 'room_id', name: 'name', heightU: 'height_u' } },
  asset: {
    table: 'assets',
    fields: {
      type: 'type',
      name: 'name',
      vendor: 'vendor',
      model: 'model',
      serialNumber: 'serial_number',
      assetTag: 'asset_tag',
      status: 'status',
      owner: 'owner',
      contact: 'contact',
      purchaseDate: 'purchase_date',
      warrantyEnd: 'warranty_end',
      managementIps: 'management_ips',
      version: 'version',
      patchLevel: 'patch_level',
      notes: 'notes',
      customFields: 'custom_fields',
      roomId: 'room_id',
      rackId: 'rack_id',
      rackUStart: 'rack_u_start',
      rackUHeight: 'rack_u_height',
      installedOnId: 'installed_on_id',
    },
    json: ['managementIps', 'customFields'],
  },
  subnet: { table: 'subnets', fields: { siteId: 'site_id', cidr: 'cidr', vlan: 'vlan', gateway: 'gateway', purpose: 'purpose' } },
  /** Device check evidence: append-only (inserted once, never updated), so it never conflicts. */
  checkResult: {
    table: 'check_results',
    fields: {
      runId: 'run_id',
      assetId: 'asset_id',
      target: 'target',
      kind: 'kind',
      profileId: 'profile_id',
      step: 'step',
      method: 'method',
      rawOutput: 'raw_output',
      parsed: 'parsed',
      metrics: 'metrics',
      status: 'status',
      errorCode: 'error_code',
      errorMessage: 'error_message',
      durationMs: 'duration_ms',
      startedAt: 'started_at',
      finishedAt: 'finished_at',
    },
    json: ['parsed', 'metrics'],
    auditOmit: ['rawOutput', 'parsed', 'metrics'],
  },
  /** One fetched running configuration: append-only, like check results. `changed` is 0 or 1. */
  configBackup: {
    table: 'config_backups',
    fields: { assetId: 'asset_id', fetchedAt: 'fetched_at', command: 'command', sha256: 'sha256', content: 'content', changed: 'changed' },
    auditOmit: ['content'],
  },
} as const satisfies Record<string, SyncedEntity>;

export type SyncedEntityName = keyof typeof syncedEntities;
