import { describe, expect, it } from 'vitest';
import { decodeCapturedBytes, groupParsers } from './captured-text';

describe('captured output', () => {
  it('reads UTF-8 logs, with or without a byte order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFF<HUAWEI>display version\r\n华为');
    expect(decodeCapturedBytes(bytes)).toEqual({ text: '<HUAWEI>display version\r\n华为', encoding: 'utf-8' });
  });

  it('reads a log saved in GBK by a Chinese Windows terminal', () => {
    // "设备" in GBK, after an ASCII prompt.
    const bytes = new Uint8Array([0x3c, 0x48, 0x33, 0x43, 0x3e, 0x20, 0xc9, 0xe8, 0xb1, 0xb8]);
    expect(decodeCapturedBytes(bytes)).toEqual({ text: '<H3C> 设备', encoding: 'gb18030' });
  });

  it('groups parsers by vendor CLI in a fixed order, commands sorted', () => {
    const parsers = [
      { id: 'linux.df', dialect: 'linux', command: 'df -P' },
      { id: 'cisco.show-version', dialect: 'ios', command: 'show version' },
      { id: 'huawei.display-version', dialect: 'vrp', command: 'display version' },
      { id: 'huawei.display-fan', dialect: 'vrp', command: 'display fan' },
      { id: 'x.y', dialect: 'junos', command: 'show chassis' },
    ];
    expect(groupParsers(parsers).map((group) => [group.dialect, group.parsers.map((parser) => parser.command)])).toEqual([
      ['vrp', ['display fan', 'display version']],
      ['ios', ['show version']],
      ['linux', ['df -P']],
      ['junos', ['show chassis']],
    ]);
  });
});
