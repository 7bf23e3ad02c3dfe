import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './unified-diff';

describe('unified diff', () => {
  it('numbers context, added and removed lines on their own side', () => {
    const rows = parseUnifiedDiff(
      ['--- a/running-config', '+++ b/running-config', '@@ -3,4 +3,4 @@ interface', ' sysname core-01', '-vlan batch 10 20', '+vlan batch 10 20 30', ' #', ' return', ''].join('\n'),
    );
    expect(rows).toEqual([
      { kind: 'hunk', text: '@@ -3,4 +3,4 @@ interface', oldStart: 3, newStart: 3 },
      { kind: 'context', text: 'sysname core-01', oldNo: 3, newNo: 3 },
      { kind: 'remove', text: 'vlan batch 10 20', oldNo: 4 },
      { kind: 'add', text: 'vlan batch 10 20 30', newNo: 4 },
      { kind: 'context', text: '#', oldNo: 5, newNo: 5 },
      { kind: 'context', text: 'return', oldNo: 6, newNo: 6 },
    ]);
  });

  it('follows several hunks, single-line hunks and the no-newline marker', () => {
    const rows = parseUnifiedDiff(['@@ -1 +1 @@', '-a', '+b', '\\ No newline at end of file', '@@ -10,2 +10,3 @@', ' x', '+y', ' z'].join('\r\n'));
    expect(rows.map((row) => [row.kind, 'oldNo' in row ? row.oldNo : null, 'newNo' in row ? row.newNo : null])).toEqual([
      ['hunk', null, null],
      ['remove', 1, null],
      ['add', null, 1],
      ['note', null, null],
      ['hunk', null, null],
      ['context', 10, 10],
      ['add', null, 11],
      ['context', 11, 12],
    ]);
  });

  it('keeps a line that starts with "---" inside a hunk as a removal, and text before any hunk as a note', () => {
    const rows = parseUnifiedDiff(['Only in old', '@@ -1,1 +1,0 @@', '---- banner ----'].join('\n'));
    expect(rows).toEqual([
      { kind: 'note', text: 'Only in old' },
      { kind: 'hunk', text: '@@ -1,1 +1,0 @@', oldStart: 1, newStart: 1 },
      { kind: 'remove', text: '--- banner ----', oldNo: 1 },
    ]);
  });

  it('is empty for identical versions', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});
