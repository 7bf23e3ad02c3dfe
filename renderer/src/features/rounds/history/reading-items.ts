import type { ChecklistTemplate } from '@shared/domain/rounds';

/** An item whose readings can be charted: a number or automatic item, by key (the same key across versions and templates). */
export interface ReadingItem {
  key: string;
  label: string;
  unit: string;
  /** Asked per asset: charted for an asset, not for a room. */
  perAsset: boolean;
}

/**
 * The chartable items of the templates, each key once (the first template
 * that names it gives the label), for a room (place items) or an asset
 * (per-asset items).
 */
export function readingItems(templates: readonly Pick<ChecklistTemplate, 'sections'>[], scope: 'room' | 'asset'): ReadingItem[] {
  const items = new Map<string, ReadingItem>();
  for (const template of templates) {
    for (const section of template.sections) {
      for (const item of section.items) {
        if (item.spec.type !== 'number' && item.spec.type !== 'auto') continue;
        if (item.perAsset !== (scope === 'asset') || items.has(item.key)) continue;
        items.set(item.key, { key: item.key, label: item.label, unit: item.spec.unit, perAsset: item.perAsset });
      }
    }
  }
  return [...items.values()];
}
