import { zoneOffsetMs } from '@shared/time/zoned-time';

/**
 * Wall-clock time of an IANA zone for export cells. The offset comes from the
 * one zone-time module (shared/time/zoned-time.ts), which caches it per UTC
 * hour: a 100,000-row export asks Intl about once per hour of data, not once
 * per cell.
 */
export class ZonedClock {
  constructor(readonly timeZone: string) {}

  /** Milliseconds to add to UTC to get the zone's wall clock at `ms`. */
  offset(ms: number): number {
    return zoneOffsetMs(ms, this.timeZone);
  }

  /**
   * A Date whose UTC fields are the zone's wall clock: what a spreadsheet
   * cell needs, since Excel dates carry no zone and exceljs writes UTC fields.
   */
  wallDate(ms: number): Date {
    return new Date(ms + this.offset(ms));
  }

  /** "2026-11-03 14:05" in the zone. */
  text(ms: number): string {
    return this.wallDate(ms).toISOString().slice(0, 16).replace('T', ' ');
  }

  /** "2026-11-03" in the zone. */
  day(ms: number): string {
    return this.wallDate(ms).toISOString().slice(0, 10);
  }
}

/** A duration as hours and minutes, "26:05" (hours may exceed 24), which Excel also reads as a time span. */
export function durationText(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
