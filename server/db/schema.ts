import type { Role } from '@shared/domain/profile';
import type { SyncEntityKind } from '@shared/sync/entities';

/**
 * The server's tables, the same in SQLite and PostgreSQL (migrations.ts).
 * Times are UTC epoch ms; JSON is stored as text so both dialects read it the
 * same way; sequences are bigint (parsed to numbers: they stay far below 2^53).
 */
export interface ServerDatabase {
  /** One row (id 1): the last change sequence handed out and the server's clock. Push transactions lock it. */
  sync_state: { id: number; last_seq: number; hlc: string | null };
  users: { id: string; name: string; role: Role; all_scopes: number; scope_version: number; created_at: number; revoked_at: number | null };
  user_scopes: { user_id: string; kind: 'client' | 'site'; target_id: string };
  /** Only the SHA-256 of a code is kept. */
  enrolment_codes: {
    code_hash: string;
    user_id: string;
    issued_by: string | null;
    created_at: number;
    expires_at: number;
    used_at: number | null;
    used_by_device: string | null;
  };
  /** `token_hash`: SHA-256 of the device token. `last_seq`: the last outbox seq applied (or set aside). */
  devices: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    last_seq: number;
    scope_version: number;
    created_at: number;
    last_seen_at: number | null;
    revoked_at: number | null;
  };
  /** Every outbox entry taken from a device: tells a replay from a diverged history (a laptop restored from backup). */
  device_mutations: { device_id: string; seq: number; hlc: string; entity: string; entity_id: string };
  /** "At clock `clock`, this device had applied every change up to `cursor`" (see merge.ts). */
  pull_checkpoints: { device_id: string; clock: string; cursor: number };
  /**
   * The current state of every synced record: fields by API name, and per field
   * [hlc, device id, server seq] of the write that set it.
   */
  records: {
    entity: string;
    id: string;
    fields: string;
    field_meta: string;
    deleted: number;
    client_id: string | null;
    site_id: string | null;
    owner_user_id: string | null;
    created_at: number;
    updated_at: number;
  };
  /** The change log pulls read, in server_seq order. */
  changes: {
    server_seq: number;
    entity: string;
    entity_id: string;
    op: string;
    fields: string;
    hlc: string;
    origin_device_id: string | null;
    client_id: string | null;
    site_id: string | null;
    prev_client_id: string | null;
    prev_site_id: string | null;
    kind: SyncEntityKind;
    owner_user_id: string | null;
    peer_user_id: string | null;
    committed_at: number;
  };
  /** Entries a console handed over instead of pushing (see PushEntry.setAside), kept for review. */
  set_aside: {
    device_id: string;
    seq: number;
    entity: string;
    entity_id: string;
    op: string;
    fields: string;
    hlc: string;
    code: string;
    at: number;
  };
  blobs: { sha256: string; size: number; data: Buffer; created_at: number };
  uploads: { sha256: string; size: number; received: number; created_at: number; updated_at: number };
  upload_chunks: { sha256: string; start_offset: number; data: Buffer };
  /** Which attachment records reference a blob: who may download it follows from them. */
  attachment_blobs: { sha256: string; attachment_id: string };
  rate_limits: { key: string; window_start: number; count: number };
}
