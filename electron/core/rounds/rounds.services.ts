import type { AttachmentsService } from '../attachments/attachments.service';
import type { IncidentsService } from '../incidents/incidents.service';
import { DEFAULT_RESOURCES_DIR, type ServiceDeps } from '../services';
import { RoundAutomatic, type RoundChecks } from './round-automatic';
import { RoundIncidents } from './round-incidents';
import { RoundReport } from './round-report';
import { RoundsRepo } from './rounds.repo';
import { RoundsService } from './rounds.service';
import { SchedulesService } from './schedules.service';
import { TemplatesService } from './templates.service';

/** What rounds use of other domains: device checks and configuration backups, incidents, attachments. */
export interface RoundsDomains {
  checks: RoundChecks;
  incidents: IncidentsService;
  attachments: AttachmentsService;
}

/** Rounds over the open store: templates (shipped ones under resources/checklists), schedules, rounds, their automatic items, incidents and report. */
export function createRoundsServices(deps: ServiceDeps, domains: RoundsDomains) {
  const actor = deps.actor ?? (() => null);
  const repo = new RoundsRepo(deps.store.db);
  const templates = new TemplatesService(deps.store, repo, deps.events, actor, deps.resourcesDir ?? DEFAULT_RESOURCES_DIR);
  const schedules = new SchedulesService(deps.store, repo, templates, deps.events, deps.now, actor);
  const rounds = new RoundsService(deps.store, repo, templates, schedules, deps.events, deps.now, actor);
  return {
    templates,
    schedules,
    rounds,
    automatic: new RoundAutomatic(deps.store, deps.events, rounds, domains.checks),
    incidents: new RoundIncidents(deps.store, deps.events, deps.now, rounds, domains.incidents),
    report: new RoundReport(rounds, domains.attachments, deps.now),
  };
}

export type RoundsServices = ReturnType<typeof createRoundsServices>;
