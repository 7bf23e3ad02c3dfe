import type { reportsContract } from '@shared/api/reports.contract';
import type { Handlers } from '../api/registry';
import type { ReportsServices } from './reports.services';

export function reportsHandlers(service: () => ReportsServices): Handlers<typeof reportsContract> {
  return {
    'reports.list': (input) => service().reports.list(input.clientId),
    'reports.create': (input) => service().reports.create(input),
    'reports.get': (input) => service().reports.get(input.id),
    'reports.save': (input) => service().reports.save(input),
    'reports.remove': (input) => service().reports.remove(input.id),
    'reports.exportPdf': (input) => service().exports.pdf(input.id),
    'reports.exportXlsx': (input) => service().exports.xlsx(input.id),
  };
}
