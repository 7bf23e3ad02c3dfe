import type { exportsContract } from '@shared/api/exports.contract';
import type { Handlers } from '../api/registry';
import type { ExportsServices } from './exports.services';

export function exportsHandlers(service: () => ExportsServices): Handlers<typeof exportsContract> {
  return {
    'exports.start': (input) => service().exports.start(input),
    'exports.status': ({ taskId }) => service().exports.status(taskId),
    'exports.list': () => service().exports.list(),
    'exports.cancel': ({ taskId }) => service().exports.cancel(taskId),
    'exports.read': ({ taskId, offset }) => service().exports.read(taskId, offset),
    'exports.release': ({ taskId }) => service().exports.release(taskId),
  };
}
