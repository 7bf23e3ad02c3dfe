import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '@shared/domain/records';
import { formatCell, formatDuration, recordPath } from './record-format';

const column = (kind: keyof typeof RECORD_COLUMNS, key: string) => RECORD_COLUMNS[kind].find((c) => c.key === key)!;

describe('record cells', () => {
  it('names fixed values in the language, times in the zone', () => {
    expect(formatCell(column('incidents', 'status'), 'in-progress', 'zh-CN', 'Asia/Shanghai')).toBe('处理中');
    expect(formatCell(column('incidents', 'status'), 'in-progress', 'en', 'Asia/Shanghai')).toBe('In progress');
    expect(formatCell(column('incidents', 'reportedAt'), Date.UTC(2026, 10, 3, 16, 30), 'en', 'Asia/Shanghai')).toContain('00:30');
    expect(formatCell(column('incidents', 'resolvedAt'), null, 'en', 'UTC')).toBe('');
  });

  it('writes durations in hours and minutes', () => {
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, 'en')).toBe('3 h 05 min');
    expect(formatDuration(45 * 60_000, 'zh-CN')).toBe('45 分');
  });

  it('links rows to their record', () => {
    expect(recordPath({ kind: 'incident', id: 'a' })).toBe('/incidents/a');
    expect(recordPath({ kind: 'asset', id: 'b' })).toBe('/assets/b');
    expect(recordPath(null)).toBeNull();
  });
});
