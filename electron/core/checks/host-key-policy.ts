import type { HostKeyPolicy, HostKeyVerdict } from './transports';
import type { HostKeysRepo } from './host-keys.repo';

/**
 * Trust on first use, kept in the store (ssh_host_keys):
 * - nothing pinned for address:port → the key is pinned now, with who and
 *   when, and the connection goes ahead ('new');
 * - the pinned key → 'trusted';
 * - another key → it is stored as pending and the connection is refused
 *   (the transport throws ssh.host-key-mismatch with both fingerprints,
 *   before any credential is sent) until a person accepts exactly that key
 *   (sshHostKeys.accept). A pending key is kept even if the device later shows
 *   the pinned key again: someone should still look at why it changed.
 *
 * Pinning happens at key exchange, as OpenSSH writes known_hosts before
 * authenticating: a wrong password does not make the next attempt a "first use".
 */
export class StoredHostKeyPolicy implements HostKeyPolicy {
  constructor(
    private readonly repo: HostKeysRepo,
    private readonly context: { actorName: () => string; now: () => number; changed: () => void },
  ) {}

  check(address: string, port: number, keyType: string, fingerprint: string): HostKeyVerdict {
    let pinned = this.repo.get(address, port);
    if (!pinned) {
      this.repo.pinIfAbsent({ address, port, keyType, fingerprint, at: this.context.now(), by: this.context.actorName() });
      pinned = this.repo.get(address, port);
      this.context.changed();
      // Another connection may have pinned a different key a moment before: that one stands.
      if (pinned?.fingerprint === fingerprint) return 'new';
    }
    if (pinned?.fingerprint === fingerprint) return 'trusted';
    const alreadyPending = pinned?.pendingFingerprint === fingerprint;
    this.repo.setPending(address, port, keyType, fingerprint, this.context.now());
    if (!alreadyPending) this.context.changed();
    return 'mismatch';
  }

  pinned(address: string, port: number): { keyType: string; fingerprint: string } | null {
    const pinned = this.repo.get(address, port);
    return pinned ? { keyType: pinned.keyType, fingerprint: pinned.fingerprint } : null;
  }
}
