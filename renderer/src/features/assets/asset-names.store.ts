import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { Asset, AssetType } from '@shared/domain/assets';
import { api, isApiClientError } from '../../api';
import { locationPath } from './asset-format';

/** What a record (incident, round, schedule) shows of an asset it names: the name, and where it is. */
export interface AssetLabel {
  id: string;
  name: string;
  /** "Client / Site / Room / Rack"; '' when not placed. */
  where: string;
  /** "Client / Site / Room": where the incident is when no location is picked. */
  roomPath: string;
  /** Kind of device and vendor, which rank related knowledge articles; null and '' when not known. */
  type: AssetType | null;
  vendor: string;
  /** The asset was deleted since the incident named it. */
  gone: boolean;
}

interface AssetNamesState {
  byId: Record<string, AssetLabel>;
  remember(assets: readonly Asset[]): void;
  load(ids: readonly string[]): void;
}

const requested = new Set<string>();

export function assetLabel(asset: Asset): AssetLabel {
  return { id: asset.id, name: asset.name, where: locationPath(asset.location), roomPath: locationPath(asset.location, { withRack: false }), type: asset.type, vendor: asset.vendor, gone: false };
}

/**
 * Incidents carry asset ids; the list and the detail page show names. Names
 * are looked up once per id and kept for the session (a rename shows after the
 * next records.changed for assets, which clears the cache).
 */
export const useAssetNames = create<AssetNamesState>()((set, get) => ({
  byId: {},
  remember(assets) {
    if (assets.length === 0) return;
    set((state) => {
      const byId = { ...state.byId };
      for (const asset of assets) byId[asset.id] = assetLabel(asset);
      return { byId };
    });
  },
  load(ids) {
    const missing = ids.filter((id) => !get().byId[id] && !requested.has(id));
    for (const id of missing) {
      requested.add(id);
      api.call('assets.get', { id }).then(
        ({ asset }) => get().remember([asset]),
        (error: unknown) => {
          if (isApiClientError(error) && error.code === 'assets.not-found') {
            set((state) => ({ byId: { ...state.byId, [id]: { id, name: id.slice(0, 8), where: '', roomPath: '', type: null, vendor: '', gone: true } } }));
          } else requested.delete(id);
        },
      );
    }
  },
}));

/** Forgets every name, so renamed or moved assets are looked up again. */
export function forgetAssetNames(): void {
  requested.clear();
  useAssetNames.setState({ byId: {} });
}

/** Labels for these ids, in order, loading the ones not known yet; unknown ones are left out until they arrive. */
export function useAssetLabels(ids: readonly string[]): AssetLabel[] {
  const byId = useAssetNames((state) => state.byId);
  const load = useAssetNames((state) => state.load);
  const key = ids.join(',');
  useEffect(() => {
    if (key) load(key.split(','));
  }, [key, load]);
  return useMemo(() => (key ? key.split(',').flatMap((id) => (byId[id] ? [byId[id]] : [])) : []), [key, byId]);
}
