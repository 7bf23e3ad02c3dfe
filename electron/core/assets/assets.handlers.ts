import type { assetsContract } from '@shared/api/assets.contract';
import type { Handlers } from '../api/registry';
import type { AssetsService } from './assets.service';

export function assetsHandlers(service: () => AssetsService): Handlers<typeof assetsContract> {
  return {
    'assets.list': (input) => service().list(input),
    'assets.get': (input) => service().get(input.id),
    'assets.create': (input) => service().create(input),
    'assets.update': (input) => service().update(input.id, input.fields),
    'assets.delete': (input) => service().delete(input.id),
    'assets.restore': (input) => service().restore(input.id),
    'assets.vendors': () => service().vendors(),
    'assets.quickOpen': (input) => service().quickOpen(input.text, input.limit),
    'racks.resize': (input) => service().resizeRack(input.id, input.heightU),
    'racks.elevation': (input) => service().elevation(input.rackId),
  };
}
