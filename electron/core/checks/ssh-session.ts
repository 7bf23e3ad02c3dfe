import type { CredentialSpec } from '@shared/domain/credentials';
import type { CheckTuning } from './jobs/job-context';
import { sshConnect, type HostKeyPolicy, type SshConnection } from './transports';

/**
 * Logs in to a device for checks or a configuration backup: the credential
 * from the vault, the stored host key policy (pin on first use, refuse a
 * changed key), and the old algorithms only this device needs.
 */
export function openSsh(
  context: { credential(id: string): CredentialSpec; hostKeyPolicy: HostKeyPolicy; tuning: CheckTuning },
  target: { address: string; credentialId: string; legacyAlgorithms: readonly string[] },
  signal: AbortSignal,
): Promise<SshConnection> {
  const credential = context.credential(target.credentialId);
  if (credential.kind !== 'ssh-password' && credential.kind !== 'ssh-key') throw new Error(`Credential ${target.credentialId} is not an SSH credential`);
  return sshConnect(
    { address: target.address },
    credential,
    { hostKeyPolicy: context.hostKeyPolicy, readyTimeoutMs: context.tuning.sshReadyTimeoutMs, legacyAlgorithms: target.legacyAlgorithms },
    signal,
  );
}
