import type { SyncState, SyncStatus } from '@shared/api/sync.contract';

/** How each state looks: MUI palette colour for chips and the top-bar badge. */
export const STATE_COLOR: Record<SyncState, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  'not-enrolled': 'default',
  syncing: 'info',
  online: 'success',
  offline: 'warning',
  error: 'warning',
  stopped: 'error',
};

/** A conflict value as text: strings as they are, empty as null, anything else (lists, objects, numbers) as compact JSON. */
export function formatConflictValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Plain http to another machine: the token and the records cross the network unencrypted. */
export function isInsecureAddress(serverUrl: string | null): boolean {
  if (!serverUrl || !serverUrl.toLowerCase().startsWith('http://')) return false;
  let host: string;
  try {
    host = new URL(serverUrl).hostname;
  } catch {
    return false;
  }
  return !(host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** "ABCD-EFGH-JKMN-PQRS", typed in any case and with or without dashes. Null when it cannot be one. */
export function normaliseEnrolmentCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]{16}$/.test(symbols)) return null;
  return [0, 4, 8, 12].map((start) => symbols.slice(start, start + 4)).join('-');
}

/** Clock drift in whole minutes for the warning (rounded away from zero never understates it). */
export function driftMinutes(status: Pick<SyncStatus, 'clockDriftMs'>): number {
  return Math.ceil(Math.abs(status.clockDriftMs ?? 0) / 60_000);
}
