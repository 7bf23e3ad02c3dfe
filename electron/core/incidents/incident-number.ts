/**
 * Human incident numbers, made on the laptop without a server:
 * INC-YYYYMMDD-NNNN-XXXX. The date is the day reported in the client's zone,
 * NNNN counts this device's incidents of that day, and XXXX is taken from the
 * random tail of the device id so that two laptops numbering the same day
 * offline do not hand out the same number (the head of a UUIDv7 is a
 * timestamp, shared by laptops set up at about the same time).
 */
export function incidentNumberParts(reportedAt: number, timeZone: string, deviceId: string): { prefix: string; suffix: string } {
  return { prefix: `INC-${zonedDate(reportedAt, timeZone).replaceAll('-', '')}-`, suffix: `-${deviceSuffix(deviceId)}` };
}

export function formatIncidentNumber(parts: { prefix: string; suffix: string }, seq: number): string {
  return `${parts.prefix}${String(seq).padStart(4, '0')}${parts.suffix}`;
}

function deviceSuffix(deviceId: string): string {
  const hex = deviceId.replace(/[^0-9a-f]/gi, '');
  return (hex.slice(-4) || '0000').toUpperCase();
}

/** YYYY-MM-DD of an instant in a time zone. */
export function zonedDate(ms: number, timeZone: string): string {
  return zonedDateTime(ms, timeZone).slice(0, 10);
}

/** YYYY-MM-DD HH:mm of an instant in a time zone (24-hour clock, as both zh-CN and en reports print it). */
export function zonedDateTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
