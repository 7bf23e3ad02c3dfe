import { z } from 'zod';
import { ServiceStatistics, StatisticsScope } from '../domain/statistics';
import { method } from './define';

/** Service statistics: the figures the dashboard, the consolidated views and the periodic report share. */
export const statisticsContract = {
  /**
   * Every figure of ServiceStatistics for one scope and period [from, to).
   * Refused: `locations.not-found` when locationId names no live client, site
   * or room; `api.invalid-input` for a period that does not end after it
   * starts or an unknown time zone.
   */
  'statistics.compute': method({
    summary: 'Service statistics (rounds, incidents, SLA, availability, faults, warranty) for a scope and period.',
    input: z.object({ scope: StatisticsScope }),
    output: ServiceStatistics,
  }),
  /** For the engineer filter: everyone who started a round, recorded or was assigned an incident, or is assigned a schedule. */
  'statistics.engineers': method({
    summary: 'Names of the engineers seen on rounds, schedules and incidents, sorted.',
    input: z.object({}).default({}),
    output: z.array(z.string()),
  }),
};
