import type { locationsContract } from '@shared/api/locations.contract';
import type { Handlers } from '../api/registry';
import type { LocationsService } from './locations.service';

export function locationsHandlers(service: () => LocationsService): Handlers<typeof locationsContract> {
  return {
    'locations.tree': () => service().tree(),
    'locations.create': (input) => service().create(input),
    'locations.rename': (input) => service().rename(input),
    'locations.delete': (input) => service().delete(input),
    'locations.restore': (input) => service().restore(input),
  };
}
