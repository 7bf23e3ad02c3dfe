import { api } from '../../../api';
import type { AssetChoice } from './problem-form-model';

/** Names for the asset ids a record holds; an asset no longer on this laptop shows the start of its id. */
export async function loadAssetChoices(ids: readonly string[]): Promise<AssetChoice[]> {
  const results = await Promise.allSettled(ids.map((id) => api.call('assets.get', { id })));
  return ids.map((id, index) => {
    const result = results[index];
    return result?.status === 'fulfilled' ? { id, name: result.value.asset.name } : { id, name: id.slice(0, 8) };
  });
}
