import type { statisticsContract } from '@shared/api/statistics.contract';
import type { Handlers } from '../api/registry';
import type { StatisticsServices } from './statistics.services';

export function statisticsHandlers(services: () => StatisticsServices): Handlers<typeof statisticsContract> {
  return {
    'statistics.compute': ({ scope }) => services().statistics.compute(scope),
    'statistics.engineers': () => services().statistics.engineers(),
  };
}
