import { describe, expect, it } from 'vitest';
import { suggestionContext, suggestionQuery } from './suggestion-query';

describe('knowledge suggestion query', () => {
  it('asks nothing for a stray character, and works from Chinese without spaces', () => {
    expect(suggestionQuery(' ', '')).toBe('');
    expect(suggestionQuery('x', '')).toBe('');
    expect(suggestionQuery('宕机', '')).toBe('宕机');
  });

  it('puts the title first and only the start of a long description', () => {
    const query = suggestionQuery('核心交换机宕机', `${'电'.repeat(600)}`);
    expect(query.startsWith('核心交换机宕机\n')).toBe(true);
    expect([...query].length).toBe('核心交换机宕机\n'.length + 500);
    expect(suggestionQuery('', '  UPS 告警 ')).toBe('UPS 告警');
  });

  it('collects the distinct device kinds and vendors of the chosen assets', () => {
    expect(
      suggestionContext([
        { type: 'switch', vendor: '华为' },
        { type: 'switch', vendor: ' 华为 ' },
        { type: 'server', vendor: '' },
        { type: null, vendor: 'H3C' },
      ]),
    ).toEqual({ assetTypes: ['switch', 'server'], vendors: ['华为', 'H3C'] });
  });
});
