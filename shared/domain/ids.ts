import { z } from 'zod';

/** Ids are UUIDv7 made on the device (time-ordered, so they index well and sort by creation). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Every stored time is UTC epoch milliseconds; the renderer formats it in the user's time zone. */
export const EpochMs = z.number().int().nonnegative();
