import type { Language } from '@shared/domain/profile';
import en from '../../../renderer/src/i18n/locales/en.json';
import zhCN from '../../../renderer/src/i18n/locales/zh-CN.json';

/**
 * The UI's own resources, so page models find controls by what the user reads
 * in each language without the tests copying every string.
 */
export type Strings = typeof en;
export const STRINGS: Record<Language, Strings> = { en, 'zh-CN': zhCN };

/** i18next-style `{{name}}` interpolation. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {{${key}}} in "${template}"`);
    return value;
  });
}
