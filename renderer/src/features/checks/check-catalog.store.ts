import { create } from 'zustand';
import type { CheckProfileInfo } from '@shared/domain/checks';
import { api } from '../../api';
import type { MethodOutput } from '@shared/api';

export type ParserInfo = MethodOutput<'checks.parsers'>[number];

interface CatalogState {
  /** The profiles and parsers this build ships; null until loaded. They do not change while the app runs. */
  profiles: CheckProfileInfo[] | null;
  parsers: ParserInfo[] | null;
  error: unknown;
  load(): Promise<void>;
}

let loading: Promise<void> | null = null;

/** What core knows how to check and to read, loaded once for labels and pickers. */
export const useCheckCatalog = create<CatalogState>()((set) => ({
  profiles: null,
  parsers: null,
  error: null,
  load() {
    loading ??= Promise.all([api.call('checks.profiles', {}), api.call('checks.parsers', {})]).then(
      ([profiles, parsers]) => set({ profiles, parsers, error: null }),
      (error: unknown) => {
        // Let the next caller try again (core may have been busy starting).
        loading = null;
        set({ error });
      },
    );
    return loading;
  },
}));
