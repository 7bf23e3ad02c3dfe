import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared/errors';
import { LANGUAGES } from '@shared/domain/profile';
import { enResources, localeParts, zhCNResources } from './locales';

const locales = { en: enResources, 'zh-CN': zhCNResources } satisfies Record<(typeof LANGUAGES)[number], unknown>;

/** Every leaf of a resource tree as a dotted key with its value. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [leafKey, leafValue] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(leafKey, leafValue);
  }
  return out;
}

describe('locales', () => {
  const keys = Object.fromEntries(Object.entries(locales).map(([language, tree]) => [language, leaves(tree)]));

  it.each(Object.entries(localeParts))('%s: no top-level key is declared by two feature files', (_language, parts) => {
    const seen = parts.flatMap((part) => Object.keys(part));
    expect(seen.filter((key, index) => seen.indexOf(key) !== index)).toEqual([]);
  });

  it('covers every supported language', () => {
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES].sort());
  });

  it('zh-CN and en have exactly the same keys', () => {
    expect([...keys['zh-CN']!.keys()].sort()).toEqual([...keys['en']!.keys()].sort());
  });

  it.each(Object.keys(locales))('%s has only non-empty strings', (language) => {
    for (const [key, value] of keys[language]!) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it.each(Object.keys(locales))('%s translates every error code', (language) => {
    const missing = ERROR_CODES.filter((code) => typeof keys[language]!.get(`errors.${code}`) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(locales))('%s uses the same interpolation variables as en', (language) => {
    const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, value] of keys['en']!) expect(variables(keys[language]!.get(key)), key).toEqual(variables(value));
  });
});
