import type { AssetType } from '../domain/assets';
import type { EntryValue, Outcome, TemplateContent, TemplateItem } from '../domain/rounds';
import { isFilled, needsNote } from './entry-rules';

/** One place an entry goes: an item, and the asset when the item is asked per asset. */
export interface RoundSlot {
  sectionKey: string;
  itemKey: string;
  assetId: string | null;
  item: TemplateItem;
}

export interface SlotAsset {
  id: string;
  type: AssetType;
}

/** What requiredMissing needs of an entry. */
export interface SlotEntry {
  sectionKey: string;
  itemKey: string;
  assetId: string | null;
  value: EntryValue;
  outcome: Outcome;
  note: string;
}

/** Why a slot blocks sign-off: nothing (or nothing usable) entered, or a failure without a note. */
export interface MissingEntry {
  sectionKey: string;
  itemKey: string;
  assetId: string | null;
  reason: 'empty' | 'note';
}

/** Whether a per-asset item is asked for an asset of this type. */
export function itemAppliesTo(item: TemplateItem, type: AssetType): boolean {
  return item.assetTypes.length === 0 || item.assetTypes.includes(type);
}

/**
 * Every slot of a round, in template order: an item once for the place, or
 * once per asset of the round whose type it applies to (assets in the
 * order given).
 */
export function roundSlots(template: Pick<TemplateContent, 'sections'>, assets: readonly SlotAsset[]): RoundSlot[] {
  const slots: RoundSlot[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      if (!item.perAsset) slots.push({ sectionKey: section.key, itemKey: item.key, assetId: null, item });
      else for (const asset of assets) if (itemAppliesTo(item, asset.type)) slots.push({ sectionKey: section.key, itemKey: item.key, assetId: asset.id, item });
    }
  }
  return slots;
}

export function slotKey(slot: { sectionKey: string; itemKey: string; assetId: string | null }): string {
  return `${slot.sectionKey}\u0000${slot.itemKey}\u0000${slot.assetId ?? ''}`;
}

/**
 * What stops a round from being signed: each required slot without a
 * filled entry (isFilled), and each failed pass/fail or numeric entry
 * without a note (required or not: a failure is always explained).
 */
export function requiredMissing(template: Pick<TemplateContent, 'sections'>, assets: readonly SlotAsset[], entries: readonly SlotEntry[]): MissingEntry[] {
  const byKey = new Map(entries.map((entry) => [slotKey(entry), entry]));
  const missing: MissingEntry[] = [];
  for (const slot of roundSlots(template, assets)) {
    const entry = byKey.get(slotKey(slot));
    const at = { sectionKey: slot.sectionKey, itemKey: slot.itemKey, assetId: slot.assetId };
    if (!entry || !isFilled(slot.item, entry.value)) {
      if (slot.item.required) missing.push({ ...at, reason: 'empty' });
    } else if (needsNote(slot.item, entry.outcome) && entry.note.trim() === '') {
      missing.push({ ...at, reason: 'note' });
    }
  }
  return missing;
}

/** Progress of a round from its slots and entries (entries outside the slots do not count). */
export function roundCounts(template: Pick<TemplateContent, 'sections'>, assets: readonly SlotAsset[], entries: readonly SlotEntry[]) {
  const byKey = new Map(entries.map((entry) => [slotKey(entry), entry]));
  const counts = { total: 0, done: 0, ok: 0, warning: 0, failed: 0 };
  for (const slot of roundSlots(template, assets)) {
    counts.total += 1;
    const entry = byKey.get(slotKey(slot));
    if (!entry || !isFilled(slot.item, entry.value)) continue;
    counts.done += 1;
    if (entry.outcome === 'ok' || entry.outcome === 'warning' || entry.outcome === 'failed') counts[entry.outcome] += 1;
  }
  return counts;
}
