import type { SystemInfo } from '@shared/api/system.contract';
import type { BackupInfo } from '@shared/domain/backups';
import type { Language } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import packageJson from '../../package.json';
import type { CheckTuning } from './checks/jobs/job-context';
import type { EventBus } from './events/event-bus';
import { BackupStore } from './store/backups';
import { LocalStore, restoreDatabaseFile } from './store/local-store';
import type { Migration } from './store/migrations';
import { createServices, type Services } from './services';
import { SettingsService } from './system/settings.service';

export interface CoreStateOptions {
  dataDir: string;
  transport: 'ipc' | 'web';
  language?: Language;
  osLocale?: string;
  nativeBinding?: string;
  /** Base64 of the 32-byte vault key, unwrapped by Electron's safeStorage in main; absent under plain Node. */
  vaultKey?: string;
  now?: () => number;
  migrations?: readonly Migration[];
  /** Shipped data (check profiles); default: resources/ of the repository (development, web transport, tests). */
  resourcesDir?: string;
  /** Device check timeouts, retries and sampling: tests and benchmarks shorten them. In-process only. */
  checkTuning?: Partial<CheckTuning>;
}

const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * What core holds between calls: the open store, or the reason it could not be
 * opened (recovery mode, where only backups can be listed and restored).
 */
export class CoreState {
  readonly settings: SettingsService;
  readonly backups: BackupStore;
  private store: LocalStore | null = null;
  private recoveryReason: string | null = null;
  private domainServices: Services | null = null;
  private timer: NodeJS.Timeout | undefined;
  readonly now: () => number;

  constructor(
    private readonly options: CoreStateOptions,
    private readonly events: EventBus,
  ) {
    this.now = options.now ?? Date.now;
    this.settings = new SettingsService(() => this.store, options);
    this.backups = new BackupStore(options.dataDir);
  }

  async open(): Promise<void> {
    try {
      this.store = await LocalStore.open({
        dataDir: this.options.dataDir,
        nativeBinding: this.options.nativeBinding,
        now: this.now,
        actor: () => this.settings.profile(),
        migrations: this.options.migrations,
      });
      this.recoveryReason = null;
      this.domainServices = createServices({
        store: this.store,
        events: this.events,
        dataDir: this.options.dataDir,
        now: this.now,
        vaultKey: this.options.vaultKey ? Buffer.from(this.options.vaultKey, 'base64') : undefined,
        actor: () => this.settings.profile(),
        resourcesDir: this.options.resourcesDir,
        checkTuning: this.options.checkTuning,
      });
      this.timer ??= setInterval(() => void this.store?.backupIfDue().catch(() => undefined), BACKUP_CHECK_INTERVAL_MS).unref();
    } catch (error) {
      this.store = null;
      this.domainServices = null;
      this.recoveryReason = error instanceof Error ? error.message : String(error);
    }
  }

  info(): SystemInfo {
    return {
      appVersion: packageJson.version,
      schemaVersion: this.store?.schemaVersion ?? 0,
      dataDir: this.options.dataDir,
      transport: this.options.transport,
      mode: this.store ? 'normal' : 'recovery',
      recoveryReason: this.recoveryReason,
      settings: this.settings.settings(),
      profile: this.settings.profile(),
    };
  }

  requireStore(): LocalStore {
    if (!this.store) throw new AppError('store.unavailable', `The local database is unavailable: ${this.recoveryReason ?? 'not open'}`);
    return this.store;
  }

  /** The domain services; throws store.unavailable in recovery mode. */
  services(): Services {
    this.requireStore();
    return this.domainServices as Services;
  }

  backupNow(): Promise<BackupInfo> {
    return this.backups.create(this.requireStore().db, 'manual', this.now());
  }

  async restore(file: string): Promise<{ restored: true; schemaVersion: number }> {
    const path = this.backups.resolve(file);
    // Running checks and sync write into the store about to be replaced: stop them first.
    this.stopServices();
    if (this.store) {
      await this.backups.create(this.store.db, 'pre-restore', this.now());
      this.store.close();
      this.store = null;
    }
    try {
      restoreDatabaseFile(this.options.dataDir, path, this.now(), this.options.nativeBinding);
    } finally {
      await this.open();
    }
    if (!this.store) throw new AppError('store.corrupt', `The restored database cannot be used: ${this.recoveryReason}`);
    this.events.emit('records.changed', { entities: ['*'] });
    return { restored: true, schemaVersion: (this.store as LocalStore).schemaVersion };
  }

  /** Stops what runs or listens on its own: checks in flight, background sync, the SLA policy cache's event listener. */
  private stopServices(): void {
    this.domainServices?.checks.close();
    this.domainServices?.sync.close();
    this.domainServices?.sla.policies.close();
  }

  close(): void {
    clearInterval(this.timer);
    this.stopServices();
    this.store?.close();
    this.store = null;
  }
}
