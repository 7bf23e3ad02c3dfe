import { BOOKKEEPING_FIELDS } from '@shared/sync/entities';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Who set a field last: the stamp, the device, and the change seq that carried it. */
export interface FieldMeta {
  hlc: string;
  deviceId: string | null;
  serverSeq: number;
}

export interface RecordState {
  fields: Record<string, Json>;
  meta: Record<string, FieldMeta>;
}

export interface IncomingWrite {
  fields: Record<string, Json>;
  hlc: string;
  deviceId: string;
  /** Every change up to this seq had been applied on the device when it made this edit. */
  seenSeq: number;
  /** Append-only entities never conflict. */
  appendOnly: boolean;
}

export interface ConflictSide {
  value: Json;
  hlc: string;
  deviceId: string | null;
}

export interface MergeResult {
  state: RecordState;
  /** Fields the write changed: exactly what the change log carries. */
  won: Record<string, Json>;
  conflicts: Record<string, { winner: ConflictSide; loser: ConflictSide }>;
}

const BOOKKEEPING: readonly string[] = BOOKKEEPING_FIELDS;

/**
 * Per-field last-writer-wins by hybrid logical clock. HLC stamps compare as
 * text (shared/hlc.ts formats them fixed-width), so every replica that sees
 * the same writes picks the same winner, in any order of arrival.
 *
 * A conflict is two edits of one field where neither writer had seen the
 * other's value: the stored value came from another device, in a change the
 * writing device had not applied yet when it stamped its edit. Then both
 * values are kept: the newer stamp wins the record and the other goes to the
 * conflict log, whichever arrived first. An edit made after pulling the other
 * value simply replaces it. Equal values, bookkeeping fields (createdAt,
 * updatedAt, deletedAt) and append-only records never conflict.
 */
export function mergeWrite(stored: RecordState | null, write: IncomingWrite, serverSeq: number): MergeResult {
  const state: RecordState = { fields: { ...stored?.fields }, meta: { ...stored?.meta } };
  const won: Record<string, Json> = {};
  const conflicts: MergeResult['conflicts'] = {};

  for (const [field, value] of Object.entries(write.fields)) {
    const current = state.meta[field];
    const incoming: ConflictSide = { value, hlc: write.hlc, deviceId: write.deviceId };
    if (current && current.hlc === write.hlc) continue; // the same write again
    const concurrent =
      current !== undefined &&
      current.deviceId !== write.deviceId &&
      current.serverSeq > write.seenSeq &&
      !write.appendOnly &&
      !BOOKKEEPING.includes(field) &&
      !sameJson(state.fields[field] ?? null, value);
    const storedSide: ConflictSide | null = current ? { value: state.fields[field] ?? null, hlc: current.hlc, deviceId: current.deviceId } : null;

    if (!current || write.hlc > current.hlc) {
      state.fields[field] = value;
      state.meta[field] = { hlc: write.hlc, deviceId: write.deviceId, serverSeq };
      won[field] = value;
      if (concurrent && storedSide) conflicts[field] = { winner: incoming, loser: storedSide };
    } else if (concurrent && storedSide) {
      conflicts[field] = { winner: storedSide, loser: incoming };
    }
  }
  return { state, won, conflicts };
}

/** JSON equality that ignores key order (two devices may serialise an object differently). */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index] as Json));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && sameJson(a[key] as Json, b[key] as Json));
}
