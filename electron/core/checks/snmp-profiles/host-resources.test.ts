import { describe, expect, it } from 'vitest';
import { ParseError } from '../parsers/parse-error';
import * as hr from './host-resources';
import { answer, readSnmprec, withChanges } from './testing/snmprec';
import type { SnmpVarbind } from './varbind';

const T0 = 1_700_000_000_000;
const run = (recording: readonly SnmpVarbind[]) => hr.parse([answer(recording, hr.PARSER.oids)], [T0]);
const KIB = 1024;

describe('snmp.host-resources', () => {
  it('reads the Linux recording (older Net-SNMP: memory = used − buffers − cached)', () => {
    const parsed = run(readSnmprec('snmpsim', 'linux-full-walk.snmprec'));
    expect(parsed).toMatchObject({
      uptimeSeconds: 2_335_121, // hrSystemUptime 233512142 ticks
      users: 15,
      processes: 165,
      memorySizeBytes: 1_021_976 * KIB,
      processors: [
        { hrDeviceIndex: 768, loadPercent: 13 },
        { hrDeviceIndex: 769, loadPercent: 9 },
      ],
      cpu: { averagePercent: 11, busiestPercent: 13, count: 2 },
      memory: { totalBytes: 1_021_976 * KIB, usedBytes: (958_176 - 23_900 - 207_040) * KIB, usedPercent: 71.16, method: 'minus-buffers-cache' },
      swap: { totalBytes: 987_988 * KIB, usedBytes: 27_432 * KIB, usedPercent: 2.78 },
      diskIndexes: [31, 32, 33],
    });
    expect(parsed.storage.find((s) => s.hrStorageIndex === 33)).toEqual({
      hrStorageIndex: 33,
      kind: 'fixed-disk',
      description: '/export',
      name: '/export',
      allocationUnitBytes: 4096,
      sizeBytes: 96_144_541 * 4096,
      usedBytes: 90_601_816 * 4096,
      usedPercent: 94.24,
    });
    expect(hr.metrics(parsed)).toEqual({
      'cpu.percent': 11,
      'cpu.busiest-percent': 13,
      'cpu.count': 2,
      'memory.used-percent': 71.16,
      'memory.total-bytes': 1_021_976 * KIB,
      'memory.used-bytes': 727_236 * KIB,
      'swap.used-percent': 2.78,
      'disk.max-used-percent': 94.24,
      'disk.max-used-mount': '/export',
      'disk.count': 3,
      'uptime.seconds': 2_335_121,
      'processes.count': 165,
      'users.count': 15,
    });
  });

  it('reads the Windows recording (RAM used as reported; drive labels cut; the CD left out)', () => {
    const parsed = run(readSnmprec('snmpsim', 'winxp-full-walk.snmprec'));
    expect(parsed.memory).toEqual({ totalBytes: 15_852 * 65_536, usedBytes: 9_686 * 65_536, usedPercent: 61.1, method: 'ram-used' });
    expect(parsed.swap).toBeNull(); // "Virtual Memory" is the commit charge, not swap
    expect(parsed.storage.map((s) => [s.name, s.kind])).toEqual([
      ['C:\\', 'fixed-disk'],
      ['D:\\', 'compact-disc'],
      ['Z:\\', 'fixed-disk'],
      ['Virtual Memory', 'virtual-memory'],
      ['Physical Memory', 'ram'],
    ]);
    expect(hr.metrics(parsed)).toEqual({
      'cpu.percent': 0,
      'cpu.busiest-percent': 0,
      'cpu.count': 1,
      'memory.used-percent': 61.1,
      'memory.total-bytes': 15_852 * 65_536,
      'memory.used-bytes': 9_686 * 65_536,
      'disk.max-used-percent': 96.5,
      'disk.max-used-mount': 'C:\\',
      'disk.count': 2,
      'uptime.seconds': 232_944,
      'processes.count': 33,
      'users.count': 2,
    });
  });

  it('reads Net-SNMP 5.9 (hand-written): memory = total − available; /snap and NFS left out', () => {
    const parsed = run(readSnmprec('hand-written', 'host-resources-net-snmp-5.9-linux.snmprec'));
    expect(parsed.memory).toEqual({ totalBytes: 16_318_460 * KIB, usedBytes: (16_318_460 - 10_765_432) * KIB, usedPercent: 34.03, method: 'available' });
    // The naive figure would have been 97 %: hrStorageRam's used counts the page cache.
    expect(parsed.storage.find((s) => s.kind === 'ram')?.usedPercent).toBe(97.29);
    expect(parsed.diskIndexes).toEqual([35, 36, 38, 39, 40, 41]);
    expect(hr.metrics(parsed)).toMatchObject({
      'cpu.percent': 13.75,
      'cpu.busiest-percent': 31,
      'cpu.count': 4,
      'memory.used-percent': 34.03,
      'swap.used-percent': 2.71,
      'disk.max-used-percent': 91,
      'disk.max-used-mount': '/var/lib/mysql',
      'disk.count': 6,
      'processes.count': 312,
    });
  });

  it('Net-SNMP in its first minute has no hrProcessorLoad: CPU absent, not 0', () => {
    const recording = readSnmprec('hand-written', 'host-resources-net-snmp-5.9-linux.snmprec').filter((v) => !v.oid.startsWith('1.3.6.1.2.1.25.3.3.1.2.'));
    const parsed = run(recording);
    expect(parsed.cpu).toBeNull();
    const m = hr.metrics(parsed);
    expect(m).not.toHaveProperty('cpu.percent');
    expect(m).not.toHaveProperty('cpu.count');
    expect(m['memory.used-percent']).toBe(34.03);
  });

  it('overflowed (negative) sizes and missing objects are unknown', () => {
    const recording = withChanges(readSnmprec('snmpsim', 'linux-full-walk.snmprec'), {
      '1.3.6.1.2.1.25.2.3.1.5.33': -1_294_967_296, // Integer32 overflow on an old agent
      '1.3.6.1.2.1.25.1.6.0': undefined,
      '1.3.6.1.2.1.25.1.5.0': undefined,
    });
    const parsed = run(recording);
    expect(parsed.storage.find((s) => s.hrStorageIndex === 33)).toMatchObject({ sizeBytes: null, usedPercent: null });
    expect(parsed.diskIndexes).toEqual([31, 32]);
    expect(parsed.processes).toBeNull();
    expect(parsed.users).toBeNull();
    const m = hr.metrics(parsed);
    expect(m).not.toHaveProperty('processes.count');
    expect(m['disk.max-used-mount']).toBe('/usr/local');
  });

  it('no storage table in the view: disk and memory metrics absent, not 0', () => {
    const recording = readSnmprec('snmpsim', 'linux-full-walk.snmprec').filter((v) => !v.oid.startsWith('1.3.6.1.2.1.25.2.'));
    const m = hr.metrics(run(recording));
    expect(m).not.toHaveProperty('disk.count');
    expect(m).not.toHaveProperty('memory.used-percent');
    expect(m['cpu.percent']).toBe(11);
  });

  it('refuses an agent without HOST-RESOURCES-MIB (a switch)', () => {
    expect(() => run(readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec'))).toThrow(ParseError);
  });
});
