import { z } from 'zod';
import { RecordsFilter, RecordsPage, RecordsSort } from '../domain/records';
import { method } from './define';

export const recordsContract = {
  /** The consolidated view of one kind of record over the scope and filters, a page at a time. */
  'records.list': method({
    summary: 'Rounds, incidents, problems, changes or check results across engineers and sites, filtered, sorted and paged.',
    input: z.object({
      filter: RecordsFilter,
      sort: RecordsSort.default(RecordsSort.parse({})),
      /** nextCursor of the previous page; null for the first. */
      after: z.string().max(500).nullable().default(null),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: RecordsPage,
  }),
  /** Names of the engineers seen on records, for the engineer filter. */
  'records.engineers': method({
    summary: 'Engineer names recorded on rounds, incidents, problems and changes.',
    input: z.object({}),
    output: z.array(z.string()),
  }),
};
