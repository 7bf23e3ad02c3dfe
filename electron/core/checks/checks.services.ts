import type { Profile } from '@shared/domain/profile';
import { AssetsRepo } from '../assets/assets.repo';
import type { CredentialsService } from '../credentials/credentials.service';
import type { EventBus } from '../events/event-bus';
import type { LocalStore } from '../store/local-store';
import { CapturedOutputService } from './captured-output.service';
import { ProfileCatalog } from './check-profiles';
import { CheckResultsService } from './check-results.service';
import { CheckRunner, retryableCheckFailure } from './check-runner';
import { CheckSettingsService } from './check-settings.service';
import { ConfigBackupsService } from './config-backups.service';
import { HostKeysService } from './host-keys.service';
import { DEFAULT_TUNING, type CheckTuning } from './jobs/job-context';
import { Gate } from './runner/gate';
import { DEFAULT_LIMITS, SSH_HANDSHAKES, WorkQueue, type QueueLimits } from './runner/work-queue';

export interface CheckServicesDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
  credentials: CredentialsService;
  /** The folder holding profiles/{ssh,snmp}/*.json. */
  resourcesDir: string;
  tuning?: Partial<CheckTuning>;
  limits?: QueueLimits;
  /** SSH logins in progress at once (default SSH_HANDSHAKES). */
  sshHandshakes?: number;
}

/**
 * Device checks over one store: one queue shared by every run and every
 * configuration backup (see check-runner.ts for why), one gate for SSH
 * logins, one host key policy, one profile catalog.
 */
export function createCheckServices(deps: CheckServicesDeps) {
  const tuning: CheckTuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const queue = new WorkQueue(deps.limits ?? DEFAULT_LIMITS, {
    attempts: Math.max(1, tuning.retryAttempts),
    baseDelayMs: tuning.retryBaseDelayMs,
    maxDelayMs: tuning.retryMaxDelayMs,
    retryable: retryableCheckFailure,
  });
  const profiles = new ProfileCatalog(deps.resourcesDir);
  const assets = new AssetsRepo(deps.store.db);
  const settings = new CheckSettingsService(deps.store.db, assets, profiles, deps.events, deps.now);
  const hostKeys = new HostKeysService(deps.store.db, deps.events, deps.now, deps.actor);
  const sshHandshakes = new Gate(deps.sshHandshakes ?? SSH_HANDSHAKES);
  const shared = { store: deps.store, events: deps.events, now: deps.now, actor: deps.actor, settings, credentials: deps.credentials, profiles, hostKeyPolicy: hostKeys.policy, queue, sshHandshakes, tuning };
  const runner = new CheckRunner({ ...shared, assets });
  return {
    profiles,
    settings,
    hostKeys,
    runner,
    results: new CheckResultsService(deps.store.db),
    captured: new CapturedOutputService(deps.store, assets, profiles, deps.events, deps.now, deps.actor),
    configBackups: new ConfigBackupsService(shared),
    /** Stops every run (core closing, or the store about to be replaced). */
    close: () => {
      runner.close();
      queue.cancelAll();
    },
  };
}

export type CheckServices = ReturnType<typeof createCheckServices>;
