import type { CredentialSpec } from '@shared/domain/credentials';
import type { CheckTuning } from './jobs/job-context';
import type { Gate } from './runner/gate';
import { sshConnect, type HostKeyPolicy, type SshConnection } from './transports';

/**
 * Logs in to a device for checks or a configuration backup: the credential
 * from the vault, the stored host key policy (pin on first use, refuse a
 * changed key), and the old algorithms only this device needs. The login
 * holds a place at the handshake gate (SSH_HANDSHAKES at once across core)
 * until it is logged in or has failed; waiting there is not part of the
 * login timeout.
 */
export async function openSsh(
  context: { credential(id: string): CredentialSpec; hostKeyPolicy: HostKeyPolicy; tuning: CheckTuning; sshHandshakes: Gate },
  target: { address: string; credentialId: string; legacyAlgorithms: readonly string[] },
  signal: AbortSignal,
): Promise<SshConnection> {
  const credential = context.credential(target.credentialId);
  if (credential.kind !== 'ssh-password' && credential.kind !== 'ssh-key') throw new Error(`Credential ${target.credentialId} is not an SSH credential`);
  const leave = await context.sshHandshakes.enter(signal);
  try {
    return await sshConnect(
      { address: target.address },
      credential,
      { hostKeyPolicy: context.hostKeyPolicy, readyTimeoutMs: context.tuning.sshReadyTimeoutMs, legacyAlgorithms: target.legacyAlgorithms },
      signal,
    );
  } finally {
    leave();
  }
}

/** The Cisco enable secret of an SSH credential, if it has one: the shell sends `enable` with it when the login lands at `name>`. */
export function enableSecretOf(credential: CredentialSpec): string | undefined {
  if (credential.kind !== 'ssh-password' && credential.kind !== 'ssh-key') return undefined;
  return credential.secret.enableSecret === '' ? undefined : credential.secret.enableSecret;
}
