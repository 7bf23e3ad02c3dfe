import { describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures';
import * as power from './show-environment-power-all';
import * as temperature from './show-environment-temperature';
import * as status from './show-interfaces-status';
import * as inventory from './show-inventory';
import * as cpu from './show-processes-cpu';
import * as version from './show-version';

describe('cisco show version (recorded)', () => {
  it('reads a stack: one model, serial and MAC per member', () => {
    const parsed = version.parse(readFixture('cisco_ios/show_version/cisco_ios_show_version1.raw'));
    expect(parsed.hardware).toHaveLength(4);
    expect(version.metrics(parsed)).toEqual({
      'software.version': '03.06.05E',
      'software.image': 'CAT3K_CAA-UNIVERSALK9-M',
      'device.hostname': 'city-building-4-sw',
      'device.reload-reason': 'Reload Command',
      'stack.member-count': 4,
      'device.model': 'WS-C3850-48U',
      'device.serial': 'FOC11111111',
      'device.config-register': '0x102',
      'uptime.seconds': ((28 * 7 + 1) * 24 + 7) * 3600 + 54 * 60,
    });
  });

  it('leaves the config register out of the metrics when it is not printed', () => {
    expect(version.metrics(version.parse(readFixture('cisco_ios/show_version/cisco_ios_show_version5.raw')))).not.toHaveProperty('device.config-register');
  });
});

describe('cisco show inventory (recorded)', () => {
  it('gives the first item as the device', () => {
    const parsed = inventory.parse(readFixture('cisco_ios/show_inventory/cisco_ios_show_inventory.raw'));
    expect(inventory.metrics(parsed)).toEqual({ 'inventory.count': 4, 'device.serial': 'FF1045C5' });
  });
});

describe('cisco show interfaces status (recorded)', () => {
  it('derives state, speed and counts', () => {
    const parsed = status.parse(readFixture('cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status.raw'));
    expect(parsed.interfaces.find((i) => i.port === 'Gi1/0/16')).toMatchObject({ status: 'err-disabled', errDisabled: true, up: false, adminDown: false });
    expect(parsed.interfaces.find((i) => i.port === 'Gi1/0/2')).toMatchObject({ up: true, speedMbps: 1000 });
    expect(status.metrics(parsed)).toEqual({
      'interfaces.count': 25,
      'interfaces.up-count': 9,
      'interfaces.down-count': 15,
      'interfaces.admin-down-count': 1,
      'interfaces.err-disabled-count': 1,
      'interfaces.half-duplex-count': 0,
    });
  });

  it('reads 10G and NX-OS fibre-channel lines', () => {
    const parsed = status.parse(readFixture('cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status2.raw'));
    expect(parsed.interfaces.find((i) => i.port === 'Eth1/4')?.speedMbps).toBe(10_000);
    expect(parsed.interfaces.find((i) => i.port === 'fc2/5')).toMatchObject({ status: 'down', type: 'SFP not present', up: false });
  });
});

describe('cisco show processes cpu (recorded)', () => {
  it('gives the summary and the busiest process', () => {
    const parsed = cpu.parse(readFixture('cisco_ios/show_processes_cpu/cisco_ios_show_processes_cpu.raw'));
    expect(parsed.processes).toHaveLength(316);
    expect(cpu.metrics(parsed)).toEqual({
      'cpu.percent': 4,
      'cpu.percent-1m': 6,
      'cpu.percent-5m': 5,
      'cpu.interrupt-percent': 0,
      'cpu.top-process': 'Check heaps',
      'cpu.top-process-percent': 0.92,
    });
  });
});

describe('cisco show environment temperature (recorded)', () => {
  it('gives per-switch sensors with thresholds', () => {
    const parsed = temperature.parse(readFixture('cisco_ios/show_environment_temperature/cisco_ios_show_environment_temperature.raw'));
    expect(parsed.switches[1]?.sensors[1]).toEqual({ slot: '2', sensor: 'Hotspot', status: 'GREEN', celsius: 69, warningCelsius: 105, criticalCelsius: 125, shutdownCelsius: null, lowCelsius: null });
    expect(temperature.metrics(parsed)).toEqual({ 'temperature.max': 69, 'temperature.sensor-count': 4, 'temperature.alarm-count': 0, 'temperature.min-margin': 17, 'temperature.not-ok-count': 0 });
  });

  it('reads a standalone switch without "Switch N:"', () => {
    const parsed = temperature.parse(
      'Switch#show environment temperature\nSYSTEM TEMPERATURE is OK\nSystem Temperature Value: 41 Degree Celsius\nSystem Temperature State: YELLOW\nYellow Threshold : 40 Degree Celsius\nRed Threshold    : 52 Degree Celsius\nSwitch#',
    );
    expect(parsed.switches).toEqual([
      { switch: '', systemStatus: 'OK', sensors: [{ slot: '', sensor: 'System', status: 'YELLOW', celsius: 41, warningCelsius: 40, criticalCelsius: 52, shutdownCelsius: null, lowCelsius: null }] },
    ]);
    expect(temperature.metrics(parsed)['temperature.alarm-count']).toBe(1);
  });
});

describe('cisco show environment power all (recorded)', () => {
  it('counts failed and absent supplies', () => {
    const parsed = power.parse(readFixture('cisco_ios/show_environment_power_all/cisco_ios_show_environment_power_all-3850-not-pres.raw'));
    expect(power.metrics(parsed)).toEqual({ 'psu.count': 3, 'psu.failed-count': 1, 'psu.absent-count': 3, 'psu.failed': '2/2B' });
  });

  it('takes a 2960 built-in supply as healthy', () => {
    const parsed = power.parse(readFixture('cisco_ios/show_environment_power_all/cisco_ios_show_environment_power_all-2960s.raw'));
    expect(parsed.supplies.every((s) => s.ok)).toBe(true);
  });
});
