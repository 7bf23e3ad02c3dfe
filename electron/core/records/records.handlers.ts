import type { recordsContract } from '@shared/api/records.contract';
import type { Handlers } from '../api/registry';
import type { RecordsServices } from './records.services';

export function recordsHandlers(service: () => RecordsServices): Handlers<typeof recordsContract> {
  return {
    'records.list': (input) => service().records.list(input),
    'records.engineers': () => service().records.engineers(),
  };
}
