import { join } from 'node:path';
import type { Profile } from '@shared/domain/profile';
import { createAssetTransferServices } from './asset-transfer/asset-transfer.services';
import { AssetsService } from './assets/assets.service';
import { createCheckServices } from './checks/checks.services';
import type { CheckTuning } from './checks/jobs/job-context';
import type { EventBus } from './events/event-bus';
import { CredentialsService } from './credentials/credentials.service';
import { IpPlanService } from './ip-plan/ip-plan.service';
import { LocationsService } from './locations/locations.service';
import type { LocalStore } from './store/local-store';
import { createSlaServices } from './sla/sla.services';
import { createAttachmentsServices } from './attachments/attachments.services';
import { createIncidentsServices } from './incidents/incidents.services';
import { createProblemsServices } from './problems/problems.services';
import { createChangesServices } from './changes/changes.services';
import { createKnowledgeServices } from './knowledge/knowledge.services';
import { createEmergencyPlansServices } from './emergency-plans/emergency-plans.services';
import { createRoundsServices } from './rounds/rounds.services';
import { createSyncServices } from './sync/sync.services';
import { createStatisticsServices } from './statistics/statistics.services';
import { createRecordsServices } from './records/records.services';
import { createExportsServices } from './exports/exports.services';
import { ExportJobs } from './exports/export-jobs';
import { createReportsServices } from './reports/reports.services';

/**
 * resources/ of the repository, from where core runs in development and under
 * the web transport: the bundles out/web/cli.cjs and out/core/utility-entry.cjs
 * are two levels down, and so is this file (electron/core) when run from source.
 * A packaged app passes process.resourcesPath/resources instead.
 */
export const DEFAULT_RESOURCES_DIR = join(__dirname, '..', '..', 'resources');

/** What every domain service may depend on. */
export interface ServiceDeps {
  store: LocalStore;
  events: EventBus;
  dataDir: string;
  now: () => number;
  /** Raw 32-byte key for the credentials vault when Electron's safeStorage unwrapped it; a key file is used otherwise. */
  vaultKey?: Buffer;
  /** The local user who signs what is written (null until the profile is saved). */
  actor?: () => Profile | null;
  /** Shipped data (check profiles under profiles/). */
  resourcesDir?: string;
  /** Device check timeouts, retries and sampling; tests shorten them. */
  checkTuning?: Partial<CheckTuning>;
}

/**
 * The services of every domain over one open store, built when the store opens
 * (and again after a restore). One line per domain.
 */
export function createServices(deps: ServiceDeps) {
  const credentials = new CredentialsService(deps);
  // Built first: incidents read each client's SLA policy from it.
  const sla = createSlaServices(deps);
  const checks = createCheckServices({
    store: deps.store,
    events: deps.events,
    now: deps.now,
    actor: deps.actor ?? (() => null),
    credentials,
    resourcesDir: deps.resourcesDir ?? DEFAULT_RESOURCES_DIR,
    tuning: deps.checkTuning,
  });
  const attachments = createAttachmentsServices(deps);
  const incidents = createIncidentsServices(deps, sla);
  // One runner for every file core produces (record exports, service reports): one place to follow, fetch and cancel them.
  const exportJobs = new ExportJobs({ events: deps.events, dataDir: deps.dataDir, now: deps.now });
  return {
    locations: new LocationsService(deps.store, deps.events),
    assets: new AssetsService(deps.store, deps.events, deps.now),
    credentials,
    ipPlan: new IpPlanService(deps.store, deps.events),
    assetTransfer: createAssetTransferServices(deps),
    checks,
    sla,
    attachments,
    incidents,
    problems: createProblemsServices(deps),
    changes: createChangesServices(deps),
    knowledge: createKnowledgeServices(deps),
    emergencyPlans: createEmergencyPlansServices(deps),
    rounds: createRoundsServices(deps, { checks, incidents: incidents.incidents, attachments }),
    sync: createSyncServices(deps),
    statistics: createStatisticsServices(deps, { sla }),
    records: createRecordsServices(deps, sla),
    exports: createExportsServices(deps, { sla, jobs: exportJobs }),
    reports: createReportsServices(deps, { sla, jobs: exportJobs }),
  };
}

export type Services = ReturnType<typeof createServices>;
