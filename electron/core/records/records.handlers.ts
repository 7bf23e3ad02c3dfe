import type { recordsContract } from '@shared/api/records.contract';
import type { Handlers } from '../api/registry';
import type { RecordsServices } from './records.services';

export function recordsHandlers(service: () => RecordsServices): Handlers<typeof recordsContract> {
  void service;
  return {};
}
