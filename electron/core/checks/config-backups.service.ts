import { createHash } from 'node:crypto';
import type { ConfigBackupSummary } from '@shared/domain/checks';
import type { Profile } from '@shared/domain/profile';
import { AppError, isErrorCode } from '@shared/errors';
import type { CredentialsService } from '../credentials/credentials.service';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { resultError } from './check-failure';
import type { ProfileCatalog } from './check-profiles';
import type { CheckSettingsService } from './check-settings.service';
import { ConfigBackupsRepo, insertBackup } from './config-backups.repo';
import { configChanged, diffConfigs } from './config-diff';
import type { CheckTuning } from './jobs/job-context';
import type { SshProfile } from './profiles/profile-loader';
import type { Gate } from './runner/gate';
import type { WorkQueue } from './runner/work-queue';
import { enableSecretOf, openSsh } from './ssh-session';
import { CheckError, type HostKeyPolicy } from './transports';

export interface ConfigBackupsDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
  settings: CheckSettingsService;
  credentials: CredentialsService;
  profiles: ProfileCatalog;
  hostKeyPolicy: HostKeyPolicy;
  queue: WorkQueue;
  sshHandshakes: Gate;
  tuning: CheckTuning;
}

/** What a device prints instead of its configuration when it refuses the command (looked for in the first lines only). */
const REFUSED = [/^\s*Error\s*:/i, /^\s*%\s*(?:Unrecognized|Invalid input|Incomplete|Ambiguous|Unknown command|Permission denied|Command authorization failed)/i, /^\s*(?:Permission|Access) denied/i];

/**
 * Configuration backups of network gear: the running configuration fetched
 * over SSH in an interactive shell with paging off (the profile's
 * configCommand: display current-configuration on VRP and Comware, show
 * running-config on IOS), through the same queue, host key policy and vault
 * as the checks. Every fetch is kept as a version (synced, append-only) with
 * its SHA-256 and whether it differs from the version before; build banners
 * and "last changed" stamps do not count as a difference (config-diff.ts).
 * A failed fetch stores nothing and reports the check.* error.
 *
 * Cisco IOS prints its configuration in privileged EXEC only: a login that
 * lands at `name>` is taken there with `enable` and the credential's enable
 * secret; without one, the refusal is check.auth-failed saying so (an
 * account with privilege 15 on the VTY lines lands at `name#` and needs none).
 */
export class ConfigBackupsService {
  private readonly repo: ConfigBackupsRepo;

  constructor(private readonly deps: ConfigBackupsDeps) {
    this.repo = new ConfigBackupsRepo(deps.store.db);
  }

  list(assetId: string): ConfigBackupSummary[] {
    return this.repo.list(assetId);
  }

  get(id: string): ConfigBackupSummary & { content: string } {
    const backup = this.repo.get(id);
    if (!backup) throw new AppError('config.not-found', `No configuration backup ${id}`, { details: { id } });
    return backup;
  }

  diff(fromId: string, toId: string): { fromId: string; toId: string; unified: string; added: number; removed: number } {
    const from = this.get(fromId);
    const to = this.get(toId);
    const label = (b: ConfigBackupSummary) => `${b.command} ${new Date(b.fetchedAt).toISOString()} (${b.id})`;
    return { fromId, toId, ...diffConfigs({ label: label(from), content: from.content }, { label: label(to), content: to.content }) };
  }

  async fetch(assetId: string): Promise<ConfigBackupSummary> {
    if (!this.deps.actor()) throw new AppError('profile.required', 'Set your name and role before fetching configurations');
    const settings = this.deps.settings.get(assetId);
    const profile = settings.sshProfile === null ? undefined : this.deps.profiles.get().ssh(settings.sshProfile);
    if (!profile?.configCommand) {
      throw new AppError('api.invalid-input', 'This asset has no SSH profile that prints a configuration (Huawei VRP, H3C Comware or Cisco IOS)', {
        details: { assetId, sshProfile: settings.sshProfile },
      });
    }
    const address = settings.address;
    if (address === null) throw new AppError('check.no-address', 'The asset has no address to fetch its configuration from', { details: { assetId } });
    const credential = this.deps.credentials.list({ assetId }).find((c) => c.kind === 'ssh-password' || c.kind === 'ssh-key');
    if (!credential) throw new AppError('check.no-credential', 'The asset has no SSH credential attached', { details: { assetId } });

    const command = profile.configCommand;
    const dialect = profile.dialect;
    const timeoutMs = this.deps.tuning.sshReadyTimeoutMs + 2 * this.deps.tuning.sshCommandTimeoutMs + 10_000;
    const outcome = await this.deps.queue.add({
      kind: 'ssh',
      host: address,
      timeoutMs,
      run: (signal) => this.fetchText({ dialect, command }, { address, credentialId: credential.id, legacyAlgorithms: settings.legacyAlgorithms }, signal),
    });
    if (!outcome.ok) throw asAppError(outcome.error);
    const content = outcome.value as string;

    const at = this.deps.now();
    const id = newId();
    this.deps.store.writePath.write(() => {
      const previous = this.repo.latest(assetId);
      const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
      return [insertBackup({ id, assetId, fetchedAt: at, command, sha256, content, changed: configChanged(previous?.content ?? null, content) })];
    });
    this.deps.events.emit('records.changed', { entities: ['configBackup'] });
    return this.get(id);
  }

  private async fetchText(profile: { dialect: SshProfile['dialect']; command: string }, target: { address: string; credentialId: string; legacyAlgorithms: readonly string[] }, signal: AbortSignal): Promise<string> {
    const credential = this.deps.credentials.reveal(target.credentialId).spec;
    const context = { credential: () => credential, hostKeyPolicy: this.deps.hostKeyPolicy, tuning: this.deps.tuning, sshHandshakes: this.deps.sshHandshakes };
    const enableSecret = enableSecretOf(credential);
    const connection = await openSsh(context, target, signal);
    try {
      const result = await connection.shell(
        [profile.command],
        { dialect: profile.dialect, disablePaging: true, commandTimeoutMs: 2 * this.deps.tuning.sshCommandTimeoutMs, ...(enableSecret === undefined ? {} : { enableSecret }) },
        signal,
      );
      const output = result.outputs[0];
      const text = (output?.output ?? '').replace(/^\n+/, '');
      const firstLines = text.split('\n').filter((line) => line.trim() !== '').slice(0, 3);
      const refused = firstLines.find((line) => REFUSED.some((re) => re.test(line)));
      if (refused !== undefined && result.promptStyle === 'ios' && result.prompt.endsWith('>')) {
        throw new CheckError(
          'check.auth-failed',
          `${target.address}: the login lands in user EXEC (${result.prompt}), where "${profile.command}" is refused; add the enable secret to the SSH credential (or give the account privilege 15)`,
          { details: { address: target.address, command: profile.command, prompt: result.prompt, line: refused } },
        );
      }
      if (refused !== undefined || text.trim() === '') {
        throw new CheckError('check.protocol-error', `${target.address} did not print its configuration for "${profile.command}": ${refused ?? 'no output'}`, {
          details: { address: target.address, command: profile.command, line: refused ?? null },
        });
      }
      if (output?.truncated) {
        throw new CheckError('check.protocol-error', `The configuration of ${target.address} is longer than the ${1_000_000} characters kept`, { details: { address: target.address } });
      }
      return text;
    } finally {
      await connection.close();
    }
  }
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code, message } = resultError(error);
  return new AppError(isErrorCode(code) ? code : 'internal.error', message, { retryable: code === 'check.timeout' });
}
