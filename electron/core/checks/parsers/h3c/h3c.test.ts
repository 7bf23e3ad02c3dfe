import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures';
import { handWritten } from '../testing/samples';
import * as cpu from './display-cpu-usage';
import * as manuinfo from './display-device-manuinfo';
import * as environment from './display-environment';
import * as fan from './display-fan';
import * as brief from './display-interface-brief';
import * as memory from './display-memory';
import * as power from './display-power';
import * as version from './display-version';

const sample = (...parts: string[]) => readFileSync(handWritten('hp_comware', ...parts), 'utf8');

describe('h3c display version (hand-written)', () => {
  it('reads Comware 7', () => {
    const parsed = version.parse(sample('display_version', 'cw7_s6850.txt'));
    expect(parsed).toEqual({
      comwareVersion: '7.1.070',
      release: '6616',
      model: 'S6850-56HF',
      uptime: '0 weeks, 2 days, 4 hours, 36 minutes',
      uptimeSeconds: (2 * 24 + 4) * 3600 + 36 * 60,
      lastRebootReason: 'User reboot',
      bootImage: 'flash:/s6850-cmw710-boot-r6616.bin',
      systemImage: 'flash:/s6850-cmw710-system-r6616.bin',
    });
    expect(version.metrics(parsed)).toEqual({
      'software.version': '7.1.070 Release 6616',
      'software.release': '6616',
      'device.model': 'S6850-56HF',
      'device.last-reboot-reason': 'User reboot',
      'uptime.seconds': parsed.uptimeSeconds,
    });
  });

  it('reads Comware 5 and HPE-branded units', () => {
    expect(version.parse(sample('display_version', 'cw5_s5120.txt'))).toMatchObject({ comwareVersion: '5.20.99', release: '2221P22', model: 'S5120-28P-SI', lastRebootReason: '', bootImage: '' });
    expect(version.parse(sample('display_version', 'hpe_5130.txt'))).toMatchObject({ release: '3506P06', model: '5130 24G 4SFP+ EI Switch JG932A', uptimeSeconds: (22 * 24 + 0) * 3600 + 5 * 60 });
  });
});

describe('h3c display device manuinfo (recorded)', () => {
  it('keeps CPU, PRODUCT ID and parts that cannot report', () => {
    const parsed = manuinfo.parse(readFixture('hp_comware/display_device_manuinfo/hp_comware_display_device_manuinfo_cw5_product-id.raw'));
    expect(parsed.entries[0]).toMatchObject({ slotType: 'Slot', slotId: '1', cpu: '0', productId: 'R9L62A', serialNumber: 'CN2ABC123W11Y' });
    expect(parsed.entries[1]).toMatchObject({ slotType: 'Fan', slotId: '1', serialNumber: 'NONE', unavailable: false });
    const failed = manuinfo.parse(readFixture('hp_comware/display_device_manuinfo/hp_comware_display_device_manuinfo_failed-display-null-power.raw'));
    expect(failed.entries.map((e) => e.unavailable)).toEqual([false, true, true, false, false]);
    expect(manuinfo.metrics(failed)).toEqual({ 'inventory.count': 5, 'inventory.unavailable-count': 2, 'device.serial': 'CN12AB12AB', 'device.model': '5130 48G 4SFP+ 1-slot HI JH324A' });
  });

  it('prefers the chassis serial on a chassis switch', () => {
    const parsed = manuinfo.parse(readFixture('hp_comware/display_device_manuinfo/hp_comware_display_device_manuinfo.raw'));
    expect(manuinfo.metrics(parsed)).toMatchObject({ 'device.model': 'LS-12511-X-AC', 'inventory.count': 14 });
  });
});

describe('h3c display interface brief (recorded)', () => {
  it('tells route from bridge lines and counts states', () => {
    const parsed = brief.parse(readFixture('hp_comware/display_interface_brief/hp_comware_display_interface_brief_release_60615P16.raw'));
    expect(parsed.interfaces.find((i) => i.name === 'GE3/0')).toMatchObject({ mode: 'bridge', speed: '1G(a)', duplex: 'F(a)', pvid: '1', up: true });
    expect(parsed.interfaces.find((i) => i.name === 'GE0/0')).toMatchObject({ mode: 'route', adminDown: true, description: '### NOT USED ###' });
    expect(brief.metrics(parsed)).toEqual({ 'interfaces.count': 17, 'interfaces.up-count': 8, 'interfaces.down-count': 7, 'interfaces.admin-down-count': 2 });
  });
});

describe('h3c display cpu-usage (hand-written)', () => {
  it('reads one block per CPU and reports the busiest', () => {
    const parsed = cpu.parse(sample('display_cpu_usage', 'cw7_irf.txt'));
    expect(parsed.cpus).toEqual([
      { scope: 'Slot 1 CPU 0', currentPercent: 6, oneMinutePercent: 5, fiveMinutesPercent: 5, maxPercent: null },
      { scope: 'Slot 2 CPU 0', currentPercent: 37, oneMinutePercent: 22, fiveMinutesPercent: 14, maxPercent: null },
    ]);
    expect(cpu.metrics(parsed)).toEqual({ 'cpu.percent': 37, 'cpu.percent-1m': 22, 'cpu.percent-5m': 14 });
  });

  it('reads Comware 5', () => {
    expect(cpu.parse(sample('display_cpu_usage', 'cw5.txt')).cpus).toEqual([{ scope: 'Unit', currentPercent: 4, oneMinutePercent: 3, fiveMinutesPercent: 3, maxPercent: null }]);
  });
});

describe('h3c display memory (hand-written)', () => {
  it('reads the Comware 7 table (KB, FreeRatio, Buffers/Cache)', () => {
    const parsed = memory.parse(sample('display_memory', 'cw7.txt'));
    expect(parsed.memories).toEqual([{ scope: 'Slot 1', totalBytes: 3926316 * 1024, usedBytes: 1079068 * 1024, freeBytes: 2847248 * 1024, availableBytes: 3266332 * 1024, usedPercent: 27.5 }]);
  });

  it('reads Comware 5', () => {
    const parsed = memory.parse(sample('display_memory', 'cw5.txt'));
    expect(parsed.memories).toEqual([{ scope: '', totalBytes: 87707584, usedBytes: 48993152, freeBytes: 87707584 - 48993152, availableBytes: null, usedPercent: 55 }]);
    expect(memory.metrics(parsed)).toEqual({ 'memory.used-percent': 55, 'memory.total-bytes': 87707584, 'memory.used-bytes': 48993152 });
  });

  it('refuses a free(1)-like table that is not Comware output', () => {
    expect(() => memory.parse('               total        used        free      shared  buff/cache   available\nMem:      8201146368  2345678848  1234567168    12345678  4620900352  5567890432')).toThrow(
      expect.objectContaining({ code: 'check.parse-failed' }),
    );
  });
});

describe('h3c display fan (hand-written)', () => {
  it('reads Comware 7 blocks; a fault and an absent fan fail', () => {
    const parsed = fan.parse(sample('display_fan', 'cw7.txt'));
    expect(parsed.fans.map((f) => [f.slot, f.fan, f.status, f.ok])).toEqual([
      ['Slot 1', '1', 'Normal', true],
      ['Slot 1', '2', 'Fault', false],
      ['Slot 1', '3', 'Absent', false],
    ]);
    expect(fan.metrics(parsed)).toEqual({ 'fan.count': 3, 'fan.failed-count': 2, 'fan.failed': 'Slot 1/2, Slot 1/3' });
  });

  it('reads Comware 5 one-liners', () => {
    expect(fan.metrics(fan.parse(sample('display_fan', 'cw5.txt')))).toEqual({ 'fan.count': 2, 'fan.failed-count': 0, 'fan.failed': '' });
  });
});

describe('h3c display power (hand-written)', () => {
  it('reads the Comware 7 table', () => {
    const parsed = power.parse(sample('display_power', 'cw7.txt'));
    expect(parsed.supplies[0]).toEqual({ slot: 'Slot 1', psu: '1', model: '', serial: '', presence: 'Present', status: 'Normal', mode: 'AC', watts: 334.5, present: true, ok: true });
    expect(power.metrics(parsed)).toEqual({ 'psu.count': 2, 'psu.failed-count': 1, 'psu.absent-count': 1, 'psu.failed': 'Slot 1/2' });
  });

  it('reads Comware 5 one-liners', () => {
    expect(power.metrics(power.parse(sample('display_power', 'cw5.txt')))).toEqual({ 'psu.count': 1, 'psu.failed-count': 0, 'psu.absent-count': 1, 'psu.failed': '' });
  });
});

describe('h3c display environment (hand-written)', () => {
  it('reads Comware 7 sensors with two-word names and NA thresholds', () => {
    const parsed = environment.parse(sample('display_environment', 'cw7.txt'));
    expect(parsed.sensors[1]).toEqual({ slot: '1', sensor: 'hotspot 2', status: '', celsius: 47, lowCelsius: -5, warningCelsius: 80, criticalCelsius: 95, shutdownCelsius: null });
    expect(environment.metrics(parsed)).toEqual({ 'temperature.max': 47, 'temperature.sensor-count': 3, 'temperature.alarm-count': 0, 'temperature.min-margin': 26 });
  });

  it('reads the CPU column variant', () => {
    const parsed = environment.parse(' Slot  CPU  Sensor     Temperature  LowerLimit  WarningLimit  AlarmLimit  ShutdownLimit\n 1     0    hotspot 1  41           -10         85            95          NA');
    expect(parsed.sensors).toEqual([{ slot: '1 CPU 0', sensor: 'hotspot 1', status: '', celsius: 41, lowCelsius: -10, warningCelsius: 85, criticalCelsius: 95, shutdownCelsius: null }]);
  });

  it('reads Comware 5', () => {
    expect(environment.parse(sample('display_environment', 'cw5.txt')).sensors).toEqual([
      { slot: '0', sensor: '', status: '', celsius: 35, warningCelsius: 65, criticalCelsius: null, shutdownCelsius: null, lowCelsius: 0 },
    ]);
  });
});
