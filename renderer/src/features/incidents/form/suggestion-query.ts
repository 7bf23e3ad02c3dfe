import type { AssetType } from '@shared/domain/assets';
import type { AssetLabel } from '../../assets/asset-names.store';

/** Shortest text worth asking about: a word or two, not a stray letter. */
export const MIN_SUGGEST_CHARS = 2;
/** The start of the description is enough to find related articles; the rest only slows the search. */
const DESCRIPTION_CHARS = 500;

/** The words sent to the knowledge base: the title first (it says the most), then the start of the description. */
export function suggestionQuery(title: string, description: string): string {
  const text = [title.trim(), description.trim().slice(0, DESCRIPTION_CHARS)].filter(Boolean).join('\n');
  return [...text].length >= MIN_SUGGEST_CHARS ? text : '';
}

/** What the chosen assets say about the fault: articles for the same kinds of device or vendors rank higher. */
export interface SuggestionContext {
  assetTypes: AssetType[];
  vendors: string[];
}

export function suggestionContext(assets: readonly Pick<AssetLabel, 'type' | 'vendor'>[]): SuggestionContext {
  const assetTypes = [...new Set(assets.flatMap((asset) => (asset.type ? [asset.type] : [])))];
  const vendors = [...new Set(assets.map((asset) => asset.vendor.trim()).filter((vendor) => vendor !== ''))];
  return { assetTypes, vendors };
}
