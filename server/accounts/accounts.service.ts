import type { Role } from '@shared/domain/profile';
import { SYNC_LIMITS } from '@shared/sync/limits';
import type { CreateUserRequest, DeviceView, UpdateUserRequest, UserScopeMessage, UserView } from '@shared/sync/messages';
import { scopeContains, type ResolvedScope } from '@shared/sync/scope';
import { v7 as uuidv7 } from 'uuid';
import type { ServerStore } from '../db/database';
import type { ServerDatabase } from '../db/schema';
import { syncError } from '../http/sync-error';
import { ChangeLog, type Trx } from '../sync/change-log';
import { newDeviceToken, newEnrolmentCode, secretHash } from './secrets';

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  scopeVersion: number;
}

/** Who is calling: resolved from the device token on every request. */
export interface Session {
  device: { id: string; name: string; lastSeq: number; scopeVersion: number };
  user: SessionUser;
  scope: ResolvedScope;
}

type UserRow = ServerDatabase['users'];
type DeviceRow = ServerDatabase['devices'];

/** last_seen_at is written at most this often per device, not on every request. */
const SEEN_WRITE_INTERVAL_MS = 60_000;

/**
 * Users, scopes, enrolment codes and device tokens. A console never holds a
 * password: a supervisor or admin issues a one-time code for a user, the
 * console exchanges it for a device token, and revoking the device or the user
 * ends it at the next request.
 */
export class AccountsService {
  constructor(
    private readonly store: ServerStore,
    private readonly now: () => number,
  ) {}

  private get db() {
    return this.store.db;
  }

  /** On first start: the first admin and a code to enrol the first console. Null when users exist. */
  async bootstrap(): Promise<{ code: string; expiresAt: number } | null> {
    return this.db.transaction().execute(async (trx) => {
      const log = await ChangeLog.open(trx, this.store.dialect, this.now);
      const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) return null;
      const admin = await this.insertUser(trx, log, { name: 'Administrator', role: 'admin', scope: { all: true, clientIds: [], siteIds: [] } });
      const issued = await this.insertCode(trx, admin.id, null, SYNC_LIMITS.enrolmentCodeDefaultTtlMs);
      await log.save();
      return issued;
    });
  }

  /** A new code for the oldest admin who is not revoked (the `issue-code` command on the server host). */
  async issueCodeForFirstAdmin(): Promise<{ code: string; expiresAt: number; userName: string }> {
    const admin = await this.db
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!admin) throw syncError('sync.not-found', 'There is no admin who is not revoked');
    const issued = await this.db.transaction().execute((trx) => this.insertCode(trx, admin.id, null, SYNC_LIMITS.enrolmentCodeDefaultTtlMs));
    return { ...issued, userName: admin.name };
  }

  async issueCode(issuer: Session, userId: string, ttlMinutes: number | undefined): Promise<{ code: string; expiresAt: number }> {
    requireRole(issuer, ['supervisor', 'admin']);
    const target = await this.userRow(userId);
    if (target.revoked_at !== null) throw syncError('sync.revoked', 'That user is revoked');
    if (issuer.user.role === 'supervisor' && target.id !== issuer.user.id) {
      if (target.role !== 'engineer') throw syncError('sync.forbidden-role', 'Supervisors issue codes for engineers and for themselves only');
      const targetScope = await this.resolvedScope(target.id);
      if (!scopeContains(issuer.scope, targetScope, await this.sitesOfClients(issuer.scope.clientIds))) {
        throw syncError('sync.forbidden-scope', "That engineer's scope reaches beyond yours");
      }
    }
    const ttlMs = ttlMinutes !== undefined ? ttlMinutes * 60_000 : SYNC_LIMITS.enrolmentCodeDefaultTtlMs;
    return this.db.transaction().execute((trx) => this.insertCode(trx, target.id, issuer.user.id, ttlMs));
  }

  /**
   * Exchanges a code for a device token. The code is spent in the same
   * transaction. A device enrolling again (a new token after a reinstall) keeps
   * its place in the sequence; a device of another user, or a revoked one, is refused.
   */
  async enrol(input: { code: string; deviceId: string; deviceName: string; nextSeq: number }) {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const code = await trx.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', secretHash(input.code)).executeTakeFirst();
      if (!code || code.used_at !== null || code.expires_at <= now) throw syncError('sync.enrolment-invalid', 'The enrolment code is wrong, used or expired');
      const user = await trx.selectFrom('users').selectAll().where('id', '=', code.user_id).executeTakeFirstOrThrow();
      if (user.revoked_at !== null) throw syncError('sync.enrolment-invalid', 'The enrolment code is wrong, used or expired');
      const token = newDeviceToken();
      const existing = await trx.selectFrom('devices').selectAll().where('id', '=', input.deviceId).executeTakeFirst();
      let lastSeq = input.nextSeq - 1;
      if (existing) {
        if (existing.revoked_at !== null) throw syncError('sync.revoked', 'This device was revoked; it cannot enrol again under the same id');
        if (existing.user_id !== user.id) throw syncError('sync.enrolment-invalid', 'This device is enrolled for another user');
        lastSeq = Number(existing.last_seq);
        await trx.updateTable('devices').set({ token_hash: secretHash(token), name: input.deviceName, last_seen_at: now }).where('id', '=', existing.id).execute();
      } else {
        await trx
          .insertInto('devices')
          .values({
            id: input.deviceId,
            user_id: user.id,
            name: input.deviceName,
            token_hash: secretHash(token),
            last_seq: lastSeq,
            scope_version: user.scope_version,
            created_at: now,
            last_seen_at: now,
            revoked_at: null,
          })
          .execute();
      }
      const spent = await trx
        .updateTable('enrolment_codes')
        .set({ used_at: now, used_by_device: input.deviceId })
        .where('code_hash', '=', code.code_hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      // Two consoles racing with one code: only one update finds it unused.
      if (Number(spent.numUpdatedRows) !== 1) throw syncError('sync.enrolment-invalid', 'The enrolment code is wrong, used or expired');
      return { token, user: summary(user), scope: await this.scopeMessage(user.id, trx), acknowledgedSeq: lastSeq };
    });
  }

  async authenticate(token: string): Promise<Session> {
    const row = await this.db
      .selectFrom('devices')
      .innerJoin('users', 'users.id', 'devices.user_id')
      .select([
        'devices.id as device_id',
        'devices.name as device_name',
        'devices.last_seq',
        'devices.scope_version as device_scope_version',
        'devices.last_seen_at',
        'devices.revoked_at as device_revoked_at',
        'users.id as user_id',
        'users.name as user_name',
        'users.role',
        'users.scope_version',
        'users.revoked_at as user_revoked_at',
      ])
      .where('devices.token_hash', '=', secretHash(token))
      .executeTakeFirst();
    if (!row) throw syncError('sync.unauthorized', 'Unknown device token: enrol this console');
    if (row.device_revoked_at !== null || row.user_revoked_at !== null) throw syncError('sync.revoked', 'This device or its user was revoked');
    const now = this.now();
    if (row.last_seen_at === null || now - Number(row.last_seen_at) > SEEN_WRITE_INTERVAL_MS) {
      await this.db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', row.device_id).execute();
    }
    return {
      device: { id: row.device_id, name: row.device_name, lastSeq: Number(row.last_seq), scopeVersion: row.device_scope_version },
      user: { id: row.user_id, name: row.user_name, role: row.role, scopeVersion: row.scope_version },
      scope: await this.resolvedScope(row.user_id),
    };
  }

  async resolvedScope(userId: string, db: Trx | ServerStore['db'] = this.db): Promise<ResolvedScope> {
    const scope = await this.scopeMessage(userId, db);
    const siteClients =
      scope.siteIds.length === 0
        ? []
        : await db.selectFrom('records').select('client_id').where('entity', '=', 'site').where('id', 'in', scope.siteIds).execute();
    return { ...scope, siteClientIds: siteClients.map((row) => row.client_id).filter((id): id is string => id !== null) };
  }

  private async scopeMessage(userId: string, db: Trx | ServerStore['db'] = this.db): Promise<UserScopeMessage> {
    const user = await db.selectFrom('users').select('all_scopes').where('id', '=', userId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('user_scopes').select(['kind', 'target_id']).where('user_id', '=', userId).orderBy('target_id').execute();
    return {
      all: user.all_scopes === 1,
      clientIds: rows.filter((row) => row.kind === 'client').map((row) => row.target_id),
      siteIds: rows.filter((row) => row.kind === 'site').map((row) => row.target_id),
    };
  }

  private async sitesOfClients(clientIds: readonly string[]): Promise<string[]> {
    if (clientIds.length === 0) return [];
    const rows = await this.db.selectFrom('records').select('id').where('entity', '=', 'site').where('client_id', 'in', [...clientIds]).execute();
    return rows.map((row) => row.id);
  }

  // ------------------------------------------------------------ administration

  async listUsers(caller: Session): Promise<UserView[]> {
    requireRole(caller, ['supervisor', 'admin']);
    const users = await this.db.selectFrom('users').selectAll().orderBy('created_at').execute();
    return Promise.all(users.map((user) => this.view(user)));
  }

  async createUser(caller: Session, input: CreateUserRequest & { role: Role }): Promise<UserView> {
    requireRole(caller, ['admin']);
    const id = await this.db.transaction().execute(async (trx) => {
      const log = await ChangeLog.open(trx, this.store.dialect, this.now);
      const user = await this.insertUser(trx, log, input as Required<CreateUserRequest>);
      await log.save();
      return user.id;
    });
    return this.view(await this.userRow(id));
  }

  /** A changed role or scope bumps scope_version: the user's devices are told to pull everything again. */
  async updateUser(caller: Session, userId: string, input: UpdateUserRequest): Promise<UserView> {
    requireRole(caller, ['admin']);
    await this.userRow(userId);
    await this.db.transaction().execute(async (trx) => {
      const log = await ChangeLog.open(trx, this.store.dialect, this.now);
      const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      const reach = input.role !== undefined && input.role !== user.role ? 1 : 0;
      if (input.scope) await this.replaceScopes(trx, userId, input.scope);
      await trx
        .updateTable('users')
        .set({
          name: input.name ?? user.name,
          role: input.role ?? user.role,
          all_scopes: input.scope ? (input.scope.all ? 1 : 0) : user.all_scopes,
          scope_version: user.scope_version + (input.scope || reach ? 1 : 0),
        })
        .where('id', '=', userId)
        .execute();
      await this.appendUserChange(trx, log, userId, 'update');
      await log.save();
    });
    return this.view(await this.userRow(userId));
  }

  async revokeUser(caller: Session, userId: string): Promise<UserView> {
    requireRole(caller, ['admin']);
    if (userId === caller.user.id) throw syncError('sync.forbidden-role', 'Admins cannot revoke themselves');
    await this.userRow(userId);
    await this.db.transaction().execute(async (trx) => {
      const log = await ChangeLog.open(trx, this.store.dialect, this.now);
      await trx.updateTable('users').set({ revoked_at: this.now() }).where('id', '=', userId).where('revoked_at', 'is', null).execute();
      await this.appendUserChange(trx, log, userId, 'update');
      await log.save();
    });
    return this.view(await this.userRow(userId));
  }

  async listDevices(caller: Session): Promise<DeviceView[]> {
    requireRole(caller, ['supervisor', 'admin']);
    const rows = await this.db.selectFrom('devices').selectAll().orderBy('created_at').execute();
    return rows.map(deviceView);
  }

  /** Admins revoke any device; supervisors the devices of engineers inside their scope, and their own. */
  async revokeDevice(caller: Session, deviceId: string): Promise<DeviceView> {
    requireRole(caller, ['supervisor', 'admin']);
    const device = await this.db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
    if (!device) throw syncError('sync.not-found', 'No such device');
    if (caller.user.role === 'supervisor' && device.user_id !== caller.user.id) {
      const owner = await this.userRow(device.user_id);
      const ownerScope = await this.resolvedScope(owner.id);
      if (owner.role !== 'engineer' || !scopeContains(caller.scope, ownerScope, await this.sitesOfClients(caller.scope.clientIds))) {
        throw syncError('sync.forbidden-scope', 'That device belongs to someone outside your scope');
      }
    }
    await this.db.updateTable('devices').set({ revoked_at: this.now() }).where('id', '=', deviceId).where('revoked_at', 'is', null).execute();
    return deviceView(await this.db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow());
  }

  // ------------------------------------------------------------ helpers

  private async insertUser(trx: Trx, log: ChangeLog, input: { name: string; role: Role; scope: UserScopeMessage }): Promise<UserRow> {
    const user: UserRow = {
      id: uuidv7(),
      name: input.name,
      role: input.role,
      all_scopes: input.scope.all ? 1 : 0,
      scope_version: 1,
      created_at: this.now(),
      revoked_at: null,
    };
    await trx.insertInto('users').values(user).execute();
    await this.replaceScopes(trx, user.id, input.scope);
    await this.appendUserChange(trx, log, user.id, 'insert');
    return user;
  }

  private async replaceScopes(trx: Trx, userId: string, scope: UserScopeMessage): Promise<void> {
    await trx.deleteFrom('user_scopes').where('user_id', '=', userId).execute();
    const rows = [
      ...new Set(scope.clientIds.map((id) => `client\u0000${id}`)),
      ...new Set(scope.siteIds.map((id) => `site\u0000${id}`)),
    ].map((key) => {
      const [kind, target] = key.split('\u0000') as ['client' | 'site', string];
      return { user_id: userId, kind, target_id: target };
    });
    if (rows.length > 0) await trx.insertInto('user_scopes').values(rows).execute();
  }

  /** Users travel down to every console (names for assignees), without scopes or anything secret. */
  private async appendUserChange(trx: Trx, log: ChangeLog, userId: string, op: 'insert' | 'update'): Promise<void> {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    log.append({
      entity: 'user',
      entity_id: user.id,
      op,
      fields: JSON.stringify({ name: user.name, role: user.role, revokedAt: user.revoked_at }),
      hlc: log.stamp(),
      origin_device_id: null,
      client_id: null,
      site_id: null,
      prev_client_id: null,
      prev_site_id: null,
      kind: 'reference',
      owner_user_id: null,
      peer_user_id: null,
    });
  }

  private async insertCode(trx: Trx, userId: string, issuedBy: string | null, ttlMs: number): Promise<{ code: string; expiresAt: number }> {
    const code = newEnrolmentCode();
    const now = this.now();
    const expiresAt = now + ttlMs;
    await trx
      .insertInto('enrolment_codes')
      .values({ code_hash: secretHash(code), user_id: userId, issued_by: issuedBy, created_at: now, expires_at: expiresAt, used_at: null, used_by_device: null })
      .execute();
    return { code, expiresAt };
  }

  private async userRow(id: string): Promise<UserRow> {
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw syncError('sync.not-found', 'No such user');
    return user;
  }

  private async view(user: UserRow): Promise<UserView> {
    return {
      id: user.id,
      name: user.name,
      role: user.role,
      scope: await this.scopeMessage(user.id),
      createdAt: Number(user.created_at),
      revokedAt: user.revoked_at === null ? null : Number(user.revoked_at),
    };
  }
}

function summary(user: UserRow) {
  return { id: user.id, name: user.name, role: user.role };
}

function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    acknowledgedSeq: Number(row.last_seq),
    createdAt: Number(row.created_at),
    lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export function requireRole(session: Session, roles: readonly Role[]): void {
  if (!roles.includes(session.user.role)) throw syncError('sync.forbidden-role', `This needs the role ${roles.join(' or ')}`);
}
