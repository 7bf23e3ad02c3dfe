import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseDialect } from './database';

/**
 * Numbered, append-only migrations for both dialects, written once with
 * Kysely's schema builder; only the binary column type differs. Never edit a
 * migration that has shipped: add the next one.
 */
function migrations(dialect: DatabaseDialect): Record<string, Migration> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sync_state')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('last_seq', 'bigint', (c) => c.notNull())
          .addColumn('hlc', 'text')
          .execute();
        await sql`INSERT INTO sync_state (id, last_seq, hlc) VALUES (1, 0, NULL)`.execute(db);

        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('engineer', 'supervisor', 'admin')`))
          .addColumn('all_scopes', 'integer', (c) => c.notNull())
          .addColumn('scope_version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema
          .createTable('user_scopes')
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('client', 'site')`))
          .addColumn('target_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('user_scopes_pk', ['user_id', 'kind', 'target_id'])
          .execute();
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('issued_by', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .addColumn('used_by_device', 'text')
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('last_seq', 'bigint', (c) => c.notNull())
          .addColumn('scope_version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('last_seen_at', 'bigint')
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema
          .createTable('device_mutations')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('device_mutations_pk', ['device_id', 'seq'])
          .execute();
        await db.schema
          .createTable('pull_checkpoints')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('clock', 'text', (c) => c.notNull())
          .addColumn('cursor', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('pull_checkpoints_pk', ['device_id', 'clock'])
          .execute();
        await db.schema
          .createTable('records')
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('field_meta', 'text', (c) => c.notNull())
          .addColumn('deleted', 'integer', (c) => c.notNull())
          .addColumn('client_id', 'text')
          .addColumn('site_id', 'text')
          .addColumn('owner_user_id', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
          .execute();
        await db.schema
          .createTable('changes')
          .addColumn('server_seq', 'bigint', (c) => c.primaryKey())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('op', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('origin_device_id', 'text')
          .addColumn('client_id', 'text')
          .addColumn('site_id', 'text')
          .addColumn('prev_client_id', 'text')
          .addColumn('prev_site_id', 'text')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('owner_user_id', 'text')
          .addColumn('peer_user_id', 'text')
          .addColumn('committed_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('set_aside')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('op', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('set_aside_pk', ['device_id', 'seq'])
          .execute();
        await db.schema
          .createTable('blobs')
          .addColumn('sha256', 'text', (c) => c.primaryKey())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('data', binary, (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('uploads')
          .addColumn('sha256', 'text', (c) => c.primaryKey())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('received', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('upload_chunks')
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('start_offset', 'bigint', (c) => c.notNull())
          .addColumn('data', binary, (c) => c.notNull())
          .addPrimaryKeyConstraint('upload_chunks_pk', ['sha256', 'start_offset'])
          .execute();
        await db.schema
          .createTable('attachment_blobs')
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('attachment_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('attachment_blobs_pk', ['sha256', 'attachment_id'])
          .execute();
        await db.schema
          .createTable('rate_limits')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .execute();
      },
    },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly all: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.all;
  }
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (a table lock on
 * PostgreSQL), so several instances starting at once run each migration once.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(migrations(dialect)) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error | undefined)?.message ?? 'unknown error'}`, { cause: error });
}
