import type { Language } from '@shared/domain/profile';
import { enResources, zhCNResources } from '../../../renderer/src/i18n/locales';

/**
 * The UI's own resources, so page models find controls by what the user reads
 * in each language without the tests copying every string.
 */
export type Strings = typeof enResources;
export const STRINGS: Record<Language, Strings> = { en: enResources, 'zh-CN': zhCNResources };

/** i18next-style `{{name}}` interpolation. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {{${key}}} in "${template}"`);
    return value;
  });
}
