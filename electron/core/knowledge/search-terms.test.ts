import { describe, expect, it } from 'vitest';
import { MAX_PAIRS, queryTerms, suggestTerms } from './search-terms';

describe('suggestTerms', () => {
  it('turns Chinese runs into overlapping pairs and keeps Latin words whole', () => {
    expect(suggestTerms('核心交换机 STP 环路')).toEqual({ pairs: ['核心', '心交', '交换', '换机', '环路'], words: ['stp'] });
  });

  it('drops single Han characters, stop words, short words and duplicates, and folds full-width text', () => {
    expect(suggestTerms('机 the port is down on ＳＷ０１，port down')).toEqual({ pairs: [], words: ['port', 'down', 'sw01'] });
    expect(suggestTerms('我们发现一个问题').pairs).not.toContain('我们');
    expect(suggestTerms('')).toEqual({ pairs: [], words: [] });
  });

  it('keeps addresses and model numbers, and stems long English words to a prefix', () => {
    expect(suggestTerms('S5720-28P at 10.1.1.1 flapping interfaces').words).toEqual(['s5720-28p', '10.1.1.1', 'flapp', 'interfac']);
  });

  it('bounds the number of pairs for a pasted log', () => {
    expect(suggestTerms('交换机端口告警'.repeat(10) + '服务器内存不足磁盘空间满数据库连接超时应用响应缓慢防火墙策略丢失').pairs.length).toBeLessThanOrEqual(MAX_PAIRS);
  });
});

describe('queryTerms', () => {
  it('splits a search box on white space, full-width spaces included', () => {
    expect(queryTerms('  核心　交换机 spanning  核心 ')).toEqual(['核心', '交换机', 'spanning']);
  });
});
