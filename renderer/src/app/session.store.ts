import { create } from 'zustand';
import type { SystemInfo } from '@shared/api/system.contract';
import type { Language, Profile, Settings, Theme } from '@shared/domain/profile';
import { api } from '../api';
import { setLanguage } from '../i18n/i18n';

/**
 * What the whole app depends on: the answer to `system.info` (mode, settings,
 * the local profile). Settings and profile changes go through here so that
 * the language, the theme and the first-start dialog follow at once.
 */
type SessionState =
  | { status: 'loading'; info: null; error: null }
  | { status: 'failed'; info: null; error: unknown }
  | { status: 'ready'; info: SystemInfo; error: null };

interface SessionActions {
  start(): Promise<void>;
  updateSettings(change: { language?: Language; theme?: Theme }): Promise<Settings>;
  saveProfile(profile: Profile): Promise<Profile>;
}

export const useSession = create<SessionState & SessionActions>()((set, get) => ({
  status: 'loading',
  info: null,
  error: null,
  async start() {
    set({ status: 'loading', info: null, error: null });
    try {
      const info = await api.call('system.info', {});
      // Core already resolved --lang, the saved choice and the OS locale.
      await setLanguage(info.settings.language);
      set({ status: 'ready', info, error: null });
    } catch (error) {
      set({ status: 'failed', info: null, error });
    }
  },
  async updateSettings(change) {
    const settings = await api.call('settings.update', change);
    await setLanguage(settings.language);
    const { info } = get();
    if (info) set({ info: { ...info, settings } });
    return settings;
  },
  async saveProfile(profile) {
    const saved = await api.call('profile.save', profile);
    const { info } = get();
    if (info) set({ info: { ...info, profile: saved } });
    return saved;
  },
}));
