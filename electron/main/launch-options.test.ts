import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from './launch-options';

describe('parseLaunchOptions', () => {
  it('reads --lang in both spellings, case-insensitively', () => {
    expect(parseLaunchOptions(['electron', '.', '--lang', 'en'])).toEqual({ language: 'en', ignored: [] });
    expect(parseLaunchOptions(['walkdown', '--lang=zh-cn'])).toEqual({ language: 'zh-CN', ignored: [] });
  });

  it('reports values it does not understand and ignores other switches', () => {
    expect(parseLaunchOptions(['walkdown', '--lang', 'fr', '--no-sandbox'])).toEqual({ ignored: ['--lang fr'] });
    expect(parseLaunchOptions(['walkdown', '--lang'])).toEqual({ ignored: ['--lang'] });
    expect(parseLaunchOptions(['walkdown', '--language=en'])).toEqual({ ignored: [] });
  });
});
