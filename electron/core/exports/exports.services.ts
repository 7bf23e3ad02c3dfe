import type { SlaPolicySource } from '../incidents/incident-sla';
import { createRecordsServices } from '../records/records.services';
import type { ServiceDeps } from '../services';
import type { ExportJobs } from './export-jobs';
import { ExportsService } from './exports.service';

/**
 * Exports over the open store. `jobs` is the one runner services.ts makes
 * for every file core produces (the service reports run theirs through it
 * too), so `exports.status/read/cancel` follow any of them.
 */
export function createExportsServices(deps: ServiceDeps, with_: { sla: { policies: SlaPolicySource }; jobs: ExportJobs }) {
  const { records } = createRecordsServices(deps, with_.sla);
  return { jobs: with_.jobs, exports: new ExportsService(deps.store.db, with_.jobs, records) };
}

export type ExportsServices = ReturnType<typeof createExportsServices>;
