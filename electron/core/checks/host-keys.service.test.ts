import { describe, expect, it } from 'vitest';
import { AuditRepo } from '../audit/audit.repo';
import { checksSetup } from './testing/check-fixtures';

const OLD = 'SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldoldo';
const NEW = 'SHA256:newnewnewnewnewnewnewnewnewnewnewnewnewnewn';

describe('SSH host keys: trust on first use', () => {
  it('pins a key on first use with who and when, trusts it after, and refuses another key', async () => {
    const { checks, clock, seen } = await checksSetup();
    const policy = checks.hostKeys.policy;
    expect(policy.check('10.1.1.1', 22, 'ssh-ed25519', OLD)).toBe('new');
    expect(checks.hostKeys.list()).toEqual([
      { address: '10.1.1.1', port: 22, keyType: 'ssh-ed25519', fingerprint: OLD, pinnedAt: clock.now(), pinnedBy: '张工', pendingFingerprint: null, pendingKeyType: null, pendingSince: null },
    ]);
    expect(seen.some((e) => e.name === 'records.changed' && (e.payload as { entities: string[] }).entities.includes('sshHostKey'))).toBe(true);
    expect(policy.check('10.1.1.1', 22, 'ssh-ed25519', OLD)).toBe('trusted');
    // Another port of the same address is another server.
    expect(policy.check('10.1.1.1', 2222, 'ssh-rsa', NEW)).toBe('new');

    clock.advance(60_000);
    const changedAt = clock.now();
    expect(policy.check('10.1.1.1', 22, 'ssh-rsa', NEW)).toBe('mismatch');
    clock.advance(60_000);
    expect(policy.check('10.1.1.1', 22, 'ssh-rsa', NEW)).toBe('mismatch');
    expect(policy.pinned('10.1.1.1', 22)).toEqual({ keyType: 'ssh-ed25519', fingerprint: OLD });
    const [first] = checks.hostKeys.list();
    // Changed keys are listed first; the first sighting of this key is kept.
    expect(first).toMatchObject({ port: 22, fingerprint: OLD, pendingFingerprint: NEW, pendingKeyType: 'ssh-rsa', pendingSince: changedAt });
    // The pinned key still works meanwhile; the pending one stays for a person to look at.
    expect(policy.check('10.1.1.1', 22, 'ssh-ed25519', OLD)).toBe('trusted');
    expect(checks.hostKeys.list()[0]?.pendingFingerprint).toBe(NEW);
  });

  it('accepts only the pending key, audits it in the same transaction, then trusts the new key', async () => {
    const { checks, store, clock, setActor } = await checksSetup();
    const policy = checks.hostKeys.policy;
    policy.check('10.1.1.2', 22, 'ssh-ed25519', OLD);
    expect(() => checks.hostKeys.accept({ address: '10.1.1.2', port: 22, fingerprint: NEW })).toThrow(expect.objectContaining({ code: 'store.record-not-found' }));
    expect(() => checks.hostKeys.accept({ address: '10.9.9.9', port: 22, fingerprint: NEW })).toThrow(expect.objectContaining({ code: 'store.record-not-found' }));
    policy.check('10.1.1.2', 22, 'ssh-ed25519', NEW);
    expect(() => checks.hostKeys.accept({ address: '10.1.1.2', port: 22, fingerprint: OLD })).toThrow(expect.objectContaining({ code: 'store.record-not-found' }));

    setActor(null);
    expect(() => checks.hostKeys.accept({ address: '10.1.1.2', port: 22, fingerprint: NEW })).toThrow(expect.objectContaining({ code: 'profile.required' }));
    setActor({ name: '李主管', role: 'supervisor' });
    clock.advance(1000);
    const accepted = checks.hostKeys.accept({ address: '10.1.1.2', port: 22, fingerprint: NEW });
    expect(accepted).toMatchObject({ fingerprint: NEW, pinnedBy: '李主管', pinnedAt: clock.now(), pendingFingerprint: null, pendingSince: null });
    expect(policy.check('10.1.1.2', 22, 'ssh-ed25519', NEW)).toBe('trusted');
    expect(policy.check('10.1.1.2', 22, 'ssh-ed25519', OLD)).toBe('mismatch');

    const audit = new AuditRepo(store.db).recent(5, '10.1.1.2:22');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'sshHostKey', action: 'update', actorName: '李主管', actorRole: 'supervisor', at: clock.now(), changes: { fingerprint: [OLD, NEW] } });
  });
});
