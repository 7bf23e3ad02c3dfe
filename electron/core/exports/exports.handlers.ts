import type { exportsContract } from '@shared/api/exports.contract';
import type { Handlers } from '../api/registry';
import type { ExportsServices } from './exports.services';

export function exportsHandlers(service: () => ExportsServices): Handlers<typeof exportsContract> {
  void service;
  return {};
}
