import type { ChecklistTemplate, ItemType, RoundAsset, RoundEntry, TemplateItem } from '@shared/domain/rounds';
import { isFilled, itemAppliesTo, needsNote as failureNeedsNote } from '@shared/rounds';

/**
 * The round runner's pure model: the template flattened into the rows an
 * engineer walks (a per-asset item once for each asset), what is entered,
 * what is missing, and what a key does on a row.
 */

export interface RunnerRow {
  /** Stable within a round: section, item and asset. */
  id: string;
  sectionKey: string;
  sectionTitle: string;
  item: TemplateItem;
  assetId: string | null;
}

/** Rows of one section under one heading: the place itself (assetId null) or one asset. */
export interface RowGroup {
  sectionKey: string;
  sectionTitle: string;
  assetId: string | null;
  rows: RunnerRow[];
}

export function rowId(sectionKey: string, itemKey: string, assetId: string | null): string {
  return `${sectionKey}/${itemKey}/${assetId ?? ''}`;
}

/**
 * In each section, the items about the place come first, then the per-asset
 * items grouped by asset (walk to a device, read all of it, move on). A
 * per-asset item is asked only of the asset types it names (shared rule),
 * and in a round without assets it has nothing to ask.
 */
export function buildGroups(template: Pick<ChecklistTemplate, 'sections'>, assets: readonly Pick<RoundAsset, 'id' | 'type'>[]): RowGroup[] {
  const groups: RowGroup[] = [];
  for (const section of template.sections) {
    const make = (assetId: string | null, items: TemplateItem[]): RowGroup => ({
      sectionKey: section.key,
      sectionTitle: section.title,
      assetId,
      rows: items.map((item) => ({ id: rowId(section.key, item.key, assetId), sectionKey: section.key, sectionTitle: section.title, item, assetId })),
    });
    const placeItems = section.items.filter((item) => !item.perAsset);
    const assetItems = section.items.filter((item) => item.perAsset);
    if (placeItems.length > 0) groups.push(make(null, placeItems));
    for (const asset of assets) {
      const asked = assetItems.filter((item) => itemAppliesTo(item, asset.type));
      if (asked.length > 0) groups.push(make(asset.id, asked));
    }
  }
  return groups;
}

export function flattenGroups(groups: readonly RowGroup[]): RunnerRow[] {
  return groups.flatMap((group) => group.rows);
}

/** The entry of each row; a later entry for the same row (a re-save) wins. */
export function entriesByRow(entries: readonly RoundEntry[]): Map<string, RoundEntry> {
  const map = new Map<string, RoundEntry>();
  for (const entry of [...entries].sort((a, b) => a.enteredAt - b.enteredAt)) map.set(rowId(entry.sectionKey, entry.itemKey, entry.assetId), entry);
  return map;
}

/** Whether the entry answers its item (the shared rule core signs by: enough photos, a measured reading, text that is not blank). */
export function isAnswered(item: TemplateItem, entry: RoundEntry | undefined): boolean {
  return entry !== undefined && isFilled(item, entry.value);
}

/** A failed pass/fail or number entry must say what was seen: its note may not stay empty. */
export function needsNote(item: TemplateItem, entry: RoundEntry | undefined): boolean {
  return entry !== undefined && failureNeedsNote(item, entry.outcome) && entry.note.trim() === '';
}

export interface RunnerProgress {
  done: number;
  total: number;
  ok: number;
  warning: number;
  failed: number;
}

export function progressOf(rows: readonly RunnerRow[], entries: ReadonlyMap<string, RoundEntry>): RunnerProgress {
  const progress: RunnerProgress = { done: 0, total: rows.length, ok: 0, warning: 0, failed: 0 };
  for (const row of rows) {
    const entry = entries.get(row.id);
    if (!isAnswered(row.item, entry) || !entry) continue;
    progress.done += 1;
    if (entry.outcome === 'ok') progress.ok += 1;
    else if (entry.outcome === 'warning') progress.warning += 1;
    else if (entry.outcome === 'failed') progress.failed += 1;
  }
  return progress;
}

export type MissingReason = 'empty' | 'note';

/** What stops a round from being signed: required rows without an answer, failures without a note. In walking order. */
export function missingRows(rows: readonly RunnerRow[], entries: ReadonlyMap<string, RoundEntry>): { row: RunnerRow; reason: MissingReason }[] {
  const missing: { row: RunnerRow; reason: MissingReason }[] = [];
  for (const row of rows) {
    const entry = entries.get(row.id);
    if (row.item.required && !isAnswered(row.item, entry)) missing.push({ row, reason: 'empty' });
    else if (needsNote(row.item, entry)) missing.push({ row, reason: 'note' });
  }
  return missing;
}

/** Entries that went wrong (warning or failed), in walking order. */
export function anomalies(rows: readonly RunnerRow[], entries: ReadonlyMap<string, RoundEntry>): { row: RunnerRow; entry: RoundEntry }[] {
  return rows.flatMap((row) => {
    const entry = entries.get(row.id);
    return entry && (entry.outcome === 'warning' || entry.outcome === 'failed') ? [{ row, entry }] : [];
  });
}

/** The row after (or before) `id`, or null at either end. */
export function neighbourRow(rows: readonly RunnerRow[], id: string, step: 1 | -1): RunnerRow | null {
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) return rows[0] ?? null;
  return rows[index + step] ?? null;
}

/** The first row without an answer (or a failure without its note): where a resumed round continues. */
export function firstOpenRow(rows: readonly RunnerRow[], entries: ReadonlyMap<string, RoundEntry>): RunnerRow | null {
  return rows.find((row) => !isAnswered(row.item, entries.get(row.id)) || needsNote(row.item, entries.get(row.id))) ?? null;
}

export type RowKeyAction =
  | { kind: 'pass' }
  | { kind: 'fail' }
  | { kind: 'toggle' }
  | { kind: 'choose'; index: number }
  | { kind: 'next' }
  | { kind: 'previous' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What a key does on the focused row itself (not inside one of its text
 * fields, which handle their own Enter). Pass-fail: P or F, Space toggles.
 * Choice: 1–9 picks an option. Any row: Enter or ↓ moves on, Shift+Enter or
 * ↑ goes back. Keys with Ctrl, Alt or ⌘ stay the browser's and the app's.
 */
export function rowKeyAction(type: ItemType, press: KeyPress): RowKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Enter') return press.shiftKey ? { kind: 'previous' } : { kind: 'next' };
  if (press.key === 'ArrowDown') return { kind: 'next' };
  if (press.key === 'ArrowUp') return { kind: 'previous' };
  if (type === 'pass-fail') {
    const key = press.key.toLowerCase();
    if (key === 'p') return { kind: 'pass' };
    if (key === 'f') return { kind: 'fail' };
    if (press.key === ' ') return { kind: 'toggle' };
  }
  if (type === 'choice' && /^[1-9]$/.test(press.key)) return { kind: 'choose', index: Number(press.key) - 1 };
  return null;
}

/** What Enter does in a row's own text field: a multi-line note or text keeps Enter for new lines and saves with Ctrl+Enter. */
export function fieldKeyAction(press: KeyPress, multiline: boolean): 'save-next' | 'save-previous' | null {
  if (press.key !== 'Enter' || press.altKey || press.metaKey) return null;
  if (multiline && !press.ctrlKey) return null;
  if (!multiline && press.ctrlKey) return null;
  return press.shiftKey ? 'save-previous' : 'save-next';
}
