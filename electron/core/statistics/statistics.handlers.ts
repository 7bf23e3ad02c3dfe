import type { statisticsContract } from '@shared/api/statistics.contract';
import type { Handlers } from '../api/registry';
import type { StatisticsServices } from './statistics.services';

export function statisticsHandlers(service: () => StatisticsServices): Handlers<typeof statisticsContract> {
  void service;
  return {};
}
