import type { ServiceDeps } from '../services';
import { FaultReportService } from './fault-report.service';
import { IncidentSla, type SlaPolicySource } from './incident-sla';
import { IncidentsService } from './incidents.service';

/** Incidents over one open store; the SLA policies come from the SLA services. */
export function createIncidentsServices(deps: ServiceDeps, sla: { policies: SlaPolicySource }) {
  const incidentSla = new IncidentSla(sla.policies, deps.now);
  const incidents = new IncidentsService(deps.store, deps.events, deps.now, deps.actor ?? (() => null), incidentSla);
  return { incidents, faultReports: new FaultReportService(incidents, incidentSla, deps.now) };
}

export type IncidentsServices = ReturnType<typeof createIncidentsServices>;
