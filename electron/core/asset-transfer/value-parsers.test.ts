import { describe, expect, it } from 'vitest';
import { guessDelimiter } from './csv-reader';
import { fieldForHeader, suggestMapping } from './header-aliases';
import { parseDate, parseRackHeight, parseRackUnits, parseStatus, parseType, splitIps } from './value-parsers';

describe('cell values as sheets write them', () => {
  it('reads types and statuses in Chinese and English', () => {
    const types = ['交换机', 'Switch', '服务器', '路由器', '防火墙', '存储', 'UPS', 'pdu', '空调', '精密空调', '温湿度传感器', '环境传感器', 'PC', '终端', '操作系统', '数据库', '中间件', '应用', 'Air conditioner', 'environment-sensor'];
    expect(types.map((word) => (parseType(word) as { value: string }).value)).toEqual([
      'switch', 'switch', 'server', 'router', 'firewall', 'storage', 'ups', 'pdu', 'air-conditioner', 'air-conditioner', 'environment-sensor',
      'environment-sensor', 'pc', 'pc', 'os', 'database', 'middleware', 'application', 'air-conditioner', 'environment-sensor',
    ]);
    expect(parseType('打印机')).toMatchObject({ ok: false, message: expect.stringContaining('打印机') });
    const statuses = ['在用', '使用中', 'In use', 'in-use', '备用', 'spare', '故障', 'Faulty', '报废', '退役', 'retired'];
    expect(statuses.map((word) => (parseStatus(word) as { value: string }).value)).toEqual([
      'in-use', 'in-use', 'in-use', 'in-use', 'spare', 'spare', 'faulty', 'faulty', 'retired', 'retired', 'retired',
    ]);
  });

  it('reads dates in the usual spellings and Excel serial numbers, and refuses impossible days', () => {
    for (const text of ['2024-05-01', '2024/5/1', '2024.5.1', '2024年5月1日', '45413', '2024-05-01 08:30:00', '2024/5/1 8:30']) {
      expect(parseDate(text)).toEqual({ ok: true, value: '2024-05-01' });
    }
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    for (const text of ['2023-02-29', '2024-13-01', '01/05/2024', '2024', 'soon']) expect(parseDate(text)).toMatchObject({ ok: false });
  });

  it('reads U positions, ranges and heights', () => {
    expect(parseRackUnits('U10')).toEqual({ ok: true, value: { start: 10, height: null } });
    expect(parseRackUnits('10')).toEqual({ ok: true, value: { start: 10, height: null } });
    expect(parseRackUnits('U10-U11')).toEqual({ ok: true, value: { start: 10, height: 2 } });
    expect(parseRackUnits('11-10')).toEqual({ ok: true, value: { start: 10, height: 2 } });
    expect(parseRackUnits('u1 ~ u4')).toEqual({ ok: true, value: { start: 1, height: 4 } });
    expect(parseRackUnits('top')).toMatchObject({ ok: false });
    expect(parseRackHeight('2U')).toEqual({ ok: true, value: 2 });
    expect(parseRackHeight('two')).toMatchObject({ ok: false });
  });

  it('splits address lists on commas, semicolons, slashes, spaces and line breaks', () => {
    expect(splitIps('10.0.0.1, 10.0.0.2;10.0.0.3 / fe80::1\n10.0.0.4，10.0.0.5、10.0.0.6')).toEqual([
      '10.0.0.1', '10.0.0.2', '10.0.0.3', 'fe80::1', '10.0.0.4', '10.0.0.5', '10.0.0.6',
    ]);
  });
});

describe('headers and delimiters', () => {
  it('maps headers in either language, ignoring case, spaces and punctuation, each field once', () => {
    expect(['设备名称*', ' IP地址 ', 'S/N', '高度（U）', '自定义:合同号', 'Custom: PO', '设备名称', '颜色'].map(fieldForHeader)).toEqual([
      'name', 'managementIps', 'serialNumber', 'rackUHeight', 'custom:合同号', 'custom:PO', 'name', null,
    ]);
    expect(suggestMapping(['名称', '设备名称', '类型'])).toEqual(['name', null, 'type']);
  });

  it('guesses comma, tab, semicolon and pipe, also for two columns and trailing newlines', () => {
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(guessDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(guessDelimiter('name,notes\n"x;y;z",1\n')).toBe(',');
    expect(guessDelimiter('a|b\n1|2\n')).toBe('|');
    expect(guessDelimiter('single\nx\n')).toBe(',');
  });
});
