import { describe, expect, it } from 'vitest';
import { findRanges, highlight, markdownText, snippet } from './snippet';

const mark = ({ text, ranges }: { text: string; ranges: [number, number][] }) => {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += `${text.slice(at, from)}[${text.slice(from, to)}]`;
    at = to;
  }
  return out + text.slice(at);
};

describe('markdownText', () => {
  it('keeps the words a reader sees', () => {
    expect(markdownText('## 现象\n- 端口 **频繁** up/down，见 [手册](https://example.com/x) ![拓扑](a.png)\n\n| a | b |\n|---|---|\n`show stp`')).toBe(
      '现象 端口 频繁 up/down，见 手册 拓扑 a b show stp',
    );
    expect(markdownText('<script>alert(1)</script>text')).toBe('alert(1) text');
  });
});

describe('findRanges and snippet', () => {
  it('marks every term ignoring case, merging overlapping pairs into one range', () => {
    expect(mark(highlight('核心交换机 STP loop', ['核心', '心交', '交换', 'stp']))).toBe('[核心交换]机 [STP] loop');
    // A stem marks its whole word.
    expect(mark(highlight('Ports flapping again', ['flapp']))).toBe('Ports [flapping] again');
    expect(findRanges('abc', [])).toEqual([]);
    // Terms are text, never patterns.
    expect(mark(highlight('a.b a+b (x)', ['a+b', '(x)']))).toBe('a.b [a+b] [(x)]');
  });

  it('opens a window before the first match, cut ends marked', () => {
    const body = `${'前文'.repeat(100)}生成树环路${'后文'.repeat(100)}`;
    const result = snippet(body, ['环路'], 60);
    expect(result.text.startsWith('…')).toBe(true);
    expect(result.text.endsWith('…')).toBe(true);
    expect(result.text.length).toBe(62);
    expect(mark(result)).toContain('生成树[环路]');
  });

  it('starts at the beginning when only the title matched', () => {
    expect(snippet('## 现象\n短文', ['空调'])).toEqual({ text: '现象 短文', ranges: [] });
  });

  it('never cuts a surrogate pair in two', () => {
    const body = `xy${'𠀀'.repeat(60)}环路`;
    const { text } = snippet(body, ['环路'], 20);
    expect(text.slice(1, 2).charCodeAt(0)).toBeGreaterThanOrEqual(0xd800);
    expect(text.slice(1, 2).charCodeAt(0)).toBeLessThan(0xdc00);
  });
});
