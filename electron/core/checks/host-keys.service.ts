import type { SshHostKey } from '@shared/domain/checks';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import { recordAudit } from '../audit/record-audit';
import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import { StoredHostKeyPolicy } from './host-key-policy';
import { HostKeysRepo } from './host-keys.repo';

const ENTITIES = ['sshHostKey'];

/**
 * Pinned SSH host keys and the one decision a person makes about them:
 * accepting a changed key. Accepting is audited (entity 'sshHostKey', id
 * 'address:port', changes { fingerprint: [old, new] }) in the same
 * transaction as the change.
 */
export class HostKeysService {
  readonly repo: HostKeysRepo;
  readonly policy: StoredHostKeyPolicy;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
  ) {
    this.repo = new HostKeysRepo(db);
    this.policy = new StoredHostKeyPolicy(this.repo, {
      actorName: () => this.actor()?.name ?? 'unknown',
      now,
      changed: () => this.events.emit('records.changed', { entities: ENTITIES }),
    });
  }

  list(): SshHostKey[] {
    return this.repo.list();
  }

  /** Only the key the device is offering now (the pending one) can be accepted, so a stale dialog cannot pin something else. */
  accept(input: { address: string; port: number; fingerprint: string }): SshHostKey {
    const actor = this.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before accepting a host key');
    const address = input.address.trim();
    const accepted = this.db.transaction(() => {
      const key = this.repo.get(address, input.port);
      if (!key) throw new AppError('store.record-not-found', `No host key is pinned for ${address}:${input.port}`, { details: { address, port: input.port } });
      if (key.pendingFingerprint === null || key.pendingFingerprint !== input.fingerprint) {
        throw new AppError('store.record-not-found', `${input.fingerprint} is not the changed key ${address}:${input.port} is waiting on`, {
          details: { address, port: input.port, fingerprint: input.fingerprint, pendingFingerprint: key.pendingFingerprint },
        });
      }
      const at = this.now();
      this.repo.replace(address, input.port, key.pendingKeyType ?? key.keyType, key.pendingFingerprint, at, actor.name);
      const changes: Record<string, [unknown, unknown]> = { fingerprint: [key.fingerprint, key.pendingFingerprint] };
      if (key.pendingKeyType !== null && key.pendingKeyType !== key.keyType) changes.keyType = [key.keyType, key.pendingKeyType];
      recordAudit(this.db, { at, actor, entity: 'sshHostKey', entityId: `${address}:${input.port}`, action: 'update', changes });
      return this.repo.get(address, input.port) as SshHostKey;
    })();
    this.events.emit('records.changed', { entities: ENTITIES });
    return accepted;
  }
}
