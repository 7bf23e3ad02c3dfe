import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/**
 * Picks the UI language from a BCP 47 locale such as the OS reports it:
 * any Chinese locale gets zh-CN, anything else English.
 */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^zh\b/i.test(locale.replace('_', '-')) ? 'zh-CN' : 'en';
}

export const THEMES = ['system', 'light', 'dark'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

export const ROLES = ['engineer', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * The local user, asked for at first start. It signs rounds and stamps the audit
 * log until a server account replaces it.
 */
export const Profile = z.object({
  name: z.string().trim().min(1, 'Name is required').max(60, 'Name is at most 60 characters'),
  role: Role,
});
export type Profile = z.infer<typeof Profile>;

export const Settings = z.object({
  language: Language,
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;
