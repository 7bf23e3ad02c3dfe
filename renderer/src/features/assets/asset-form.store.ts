import { create } from 'zustand';
import type { Asset, AssetFieldsInput } from '@shared/domain/assets';

/** What the asset form was opened for, from anywhere in the app (list, rack slot, quick open, detail). */
export type AssetFormRequest =
  | {
      mode: 'create';
      prefill: Partial<AssetFieldsInput>;
      /** Open the new asset's page after saving (quick open's "create with tag"). */
      openAfterCreate?: boolean;
      /** The name of the prefilled host, so the picker can show it before searching. */
      hostName?: string;
    }
  | { mode: 'edit'; asset: Asset; hostName?: string };

interface AssetFormState {
  request: AssetFormRequest | null;
  /** Counts openings, so each one starts a fresh form. */
  serial: number;
  open(request: AssetFormRequest): void;
  close(): void;
}

export const useAssetForm = create<AssetFormState>()((set) => ({
  request: null,
  serial: 0,
  open: (request) => set((state) => ({ request, serial: state.serial + 1 })),
  close: () => set({ request: null }),
}));
