import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordsFilter, type RecordRow } from '@shared/domain/records';
import { tempDataDir } from '../testing/fixtures';
import { CsvWriter } from './csv-writer';
import { RecordTable } from './record-table';

const FROM = Date.UTC(2026, 10, 1) - 8 * 3_600_000;
const filter = RecordsFilter.parse({ kind: 'incidents', from: FROM, to: FROM + 30 * 86_400_000, timeZone: 'Asia/Shanghai' });

function incident(id: string, values: Record<string, string | number | null>): RecordRow {
  return { id, link: { kind: 'incident', id }, values: { number: 'INC-1', title: '', category: 'hardware', priority: 'P2', status: 'new', slaState: 'on-track', ...values } };
}

async function writeCsv(rows: RecordRow[], language: 'zh-CN' | 'en' = 'zh-CN'): Promise<Buffer> {
  const path = join(tempDataDir(), 'out.csv');
  const writer = new CsvWriter(path, new RecordTable(filter, language));
  await writer.open();
  await writer.append(rows.slice(0, 1));
  await writer.append(rows.slice(1));
  await writer.close();
  return readFileSync(path);
}

describe('CsvWriter', () => {
  it('writes UTF-8 with a BOM and CRLF, Chinese headers and values intact', async () => {
    const bytes = await writeCsv([incident('a', { title: '核心交换机端口故障', reportedAt: Date.UTC(2026, 10, 3, 6, 5), assignee: '张伟' })]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text).not.toMatch(/[^\r]\n/);
    const [header, row] = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    expect(header?.slice(0, 6)).toEqual(['编号', '标题', '类别', '优先级', '状态', 'SLA']);
    expect(row?.[1]).toBe('核心交换机端口故障');
    // Fixed values by their name, times in the scope's zone (UTC+8).
    expect(row?.[2]).toBe('硬件');
    expect(row?.[4]).toBe('新建');
    expect(row?.[header!.indexOf('报告时间')]).toBe('2026-11-03 14:05');
    expect(row?.[header!.indexOf('处理人')]).toBe('张伟');
  });

  it('prefixes text that Excel would run as a formula, and only that', async () => {
    const titles = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', 'a=b', '正常 = 好'];
    const bytes = await writeCsv(titles.map((title, i) => incident(String(i), { title })), 'en');
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { newline: '\r\n' }).data.slice(1);
    expect(rows.map((row) => row[1])).toEqual([`'=HYPERLINK("http://x","y")`, `'+1`, `'-2+3`, `'@SUM(A1)`, 'a=b', '正常 = 好']);
    expect(rows[0]?.[2]).toBe('Hardware');
  });

  it('writes durations as h:mm and numbers as numbers', async () => {
    const bytes = await writeCsv([incident('a', { timeToResolve: 26 * 3_600_000 + 5 * 60_000, systemDown: 1 })], 'en');
    const [header, row] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { newline: '\r\n' }).data;
    expect(row?.[header!.indexOf('Time to resolve')]).toBe('26:05');
    expect(row?.[header!.indexOf('System down')]).toBe('1');
  });
});
