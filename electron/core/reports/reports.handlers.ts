import type { reportsContract } from '@shared/api/reports.contract';
import type { Handlers } from '../api/registry';
import type { ReportsServices } from './reports.services';

export function reportsHandlers(service: () => ReportsServices): Handlers<typeof reportsContract> {
  void service;
  return {};
}
