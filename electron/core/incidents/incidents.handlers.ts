import type { incidentsContract } from '@shared/api/incidents.contract';
import type { Handlers } from '../api/registry';
import type { IncidentsServices } from './incidents.services';

export function incidentsHandlers(services: () => IncidentsServices): Handlers<typeof incidentsContract> {
  const incidents = () => services().incidents;
  return {
    'incidents.list': (input) => incidents().list(input),
    'incidents.get': (input) => incidents().get(input.id),
    'incidents.counts': () => incidents().counts(),
    'incidents.create': (input) => incidents().create(input),
    'incidents.update': (input) => incidents().update(input.id, input.patch),
    'incidents.transition': (input) => incidents().transition(input),
    'incidents.addWorkLog': (input) => incidents().addWorkLog(input),
    'incidents.recordWorkaround': (input) => incidents().recordWorkaround(input),
    'incidents.linkEvidence': (input) => incidents().linkEvidence(input),
    'incidents.unlinkEvidence': (input) => incidents().unlinkEvidence(input.id),
    'incidents.faultReportDraft': (input) => incidents().faultReportDraft(input.id),
    'incidents.faultReport': (input) => services().faultReports.produce(input),
  };
}
