import { languageFromLocale, Profile, Settings, type Language, type Theme } from '@shared/domain/profile';
import type { LocalStore } from '../store/local-store';

const DEFAULT_THEME: Theme = 'system';

/**
 * Language, theme and the local profile. The language shown is, in order: a
 * choice made in Settings during this run, `--lang` given at start, the choice
 * saved earlier, the OS locale.
 */
export class SettingsService {
  private startLanguage: Language | undefined;

  constructor(
    private readonly store: () => LocalStore | null,
    options: { language?: Language; osLocale?: string },
    private readonly osLanguage = languageFromLocale(options.osLocale),
  ) {
    this.startLanguage = options.language;
  }

  settings(): Settings {
    const saved = this.saved();
    return {
      language: this.startLanguage ?? saved.language ?? this.osLanguage,
      theme: saved.theme ?? DEFAULT_THEME,
    };
  }

  update(change: { language?: Language | undefined; theme?: Theme | undefined }, store: LocalStore): Settings {
    const next = { ...this.saved(), ...definedOnly(change) };
    store.writeMeta('settings', next);
    // An explicit choice in Settings outranks the --lang of this start.
    if (change.language) this.startLanguage = undefined;
    return this.settings();
  }

  profile(): Profile | null {
    const stored = this.store()?.readMeta<unknown>('profile');
    const parsed = Profile.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }

  saveProfile(profile: Profile, store: LocalStore): Profile {
    store.writeMeta('profile', profile);
    return profile;
  }

  private saved(): Partial<Settings> {
    const parsed = Settings.partial().safeParse(this.store()?.readMeta<unknown>('settings') ?? {});
    return parsed.success ? parsed.data : {};
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
