import { IncidentSla, type SlaPolicySource } from '../incidents/incident-sla';
import type { ServiceDeps } from '../services';
import { RecordsService } from './records.service';

/** The consolidated views over the open store; incidents' SLA state uses each client's policy. */
export function createRecordsServices(deps: ServiceDeps, sla: { policies: SlaPolicySource }) {
  return { records: new RecordsService(deps.store.db, new IncidentSla(sla.policies, deps.now)) };
}

export type RecordsServices = ReturnType<typeof createRecordsServices>;
