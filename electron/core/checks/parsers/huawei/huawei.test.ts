import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures';
import { handWritten } from '../testing/samples';
import * as alarm from './display-alarm-active';
import * as cpu from './display-cpu-usage';
import * as device from './display-device';
import * as fan from './display-fan';
import * as brief from './display-interface-brief';
import * as memory from './display-memory-usage';
import * as power from './display-power';
import * as temperature from './display-temperature';
import * as version from './display-version';

const sample = (...parts: string[]) => readFileSync(handWritten('huawei_vrp', ...parts), 'utf8');

describe('huawei display version (recorded)', () => {
  it('reads the uptime as seconds and the metrics', () => {
    const parsed = version.parse(readFixture('huawei_vrp/display_version/huawei_vrp_display_version3.raw'));
    expect(parsed.uptimeSeconds).toBe(((60 * 7 + 4) * 24 + 11) * 3600 + 20 * 60);
    expect(version.metrics(parsed)).toEqual({
      'software.version': 'AR6280 V300R019C10SPC300',
      'software.vrp-version': '5.170',
      'software.patch': '',
      'device.model': 'AR6280',
      'uptime.seconds': parsed.uptimeSeconds,
    });
  });
});

describe('huawei display device (recorded)', () => {
  it('marks "*" boards as configured only, inherits the slot on part rows and counts abnormal rows', () => {
    const parsed = device.parse(readFixture('huawei_vrp/display_device/huawei_vrp_display_device_all.raw'));
    expect(parsed.chassis).toBe('');
    expect(parsed.slots[1]).toMatchObject({ slot: '1', card: 'FAN1', type: 'FAN-40SA-B' });
    expect(parsed.slots[4]).toMatchObject({ slot: '2', type: 'CE6850-48S4Q-EI', configuredOnly: true, online: 'Offline' });
    expect(device.metrics(parsed)).toEqual({ 'cards.count': 5, 'cards.abnormal-count': 0, 'cards.offline-count': 1, 'cards.abnormal': '2 CE6850-48S4Q-EI' });
  });

  it('keeps "CMU(MPU 9)" whole and names the chassis', () => {
    const parsed = device.parse(readFixture('huawei_vrp/display_device/huawei_vrp_display_device.raw'));
    expect(parsed.chassis).toBe('CE12808S');
    expect(parsed.slots.find((s) => s.slot === '15')?.type).toBe('CMU(MPU 9)');
  });

  it('reads the S-series layout (Sub, Status, Role)', () => {
    const parsed = device.parse(
      [
        "S5720-28X-SI-AC's Device status:",
        'Slot  Sub  Type                   Online    Power    Register     Status   Role',
        '-------------------------------------------------------------------------------',
        '0     -    S5720-28X-SI-AC        Present   PowerOn  Registered   Normal   Master',
        '      PWR1 POWER                  Present   PowerOn  Registered   Normal   NA',
        '      PWR2 POWER                  Present   PowerOff Registered   Abnormal NA',
        '      FAN1 FAN                    Present   PowerOn  Registered   Normal   NA',
      ].join('\n'),
    );
    expect(parsed.slots).toHaveLength(4);
    expect(parsed.slots[0]).toMatchObject({ slot: '0', card: '-', primary: 'Master', alarm: 'Normal' });
    expect(parsed.slots[2]).toMatchObject({ slot: '0', card: 'PWR2', power: 'PowerOff', alarm: 'Abnormal' });
    expect(device.metrics(parsed)['cards.abnormal-count']).toBe(1);
  });
});

describe('huawei display interface brief (recorded)', () => {
  it('links Eth-Trunk members to their trunk and sums errors without counting trunks twice', () => {
    const parsed = brief.parse(readFixture('huawei_vrp/display_interface_brief/huawei_vrp_display_interface_brief.raw'));
    expect(parsed.interfaces.find((i) => i.name === 'GigabitEthernet16/0/1(10G)')).toMatchObject({ trunk: 'Eth-Trunk4', inErrors: 4625, outUtilPercent: 12.84 });
    expect(parsed.interfaces.find((i) => i.name === 'Eth-Trunk4.10')?.trunk).toBe('');
    expect(brief.metrics(parsed)).toEqual({
      'interfaces.count': 18,
      'interfaces.up-count': 17,
      'interfaces.down-count': 1,
      'interfaces.admin-down-count': 0,
      'interfaces.input-errors': 4625,
      'interfaces.output-errors': 0,
      'interfaces.max-in-util-percent': 0.71,
      'interfaces.max-out-util-percent': 14.3,
    });
  });

  it('tells administratively down from down', () => {
    const parsed = brief.parse('Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors\nGigabitEthernet0/0/1        *down down         0%     0%          0          0\nGigabitEthernet0/0/2        down  down         0%     0%          0          0\nNULL0                       up    up(s)        0%     0%          0          0');
    expect(brief.metrics(parsed)).toMatchObject({ 'interfaces.admin-down-count': 1, 'interfaces.down-count': 1, 'interfaces.up-count': 1 });
  });
});

describe('huawei display temperature', () => {
  it('keeps the Minor/Major/Fatal thresholds of the router layout (recorded)', () => {
    const parsed = temperature.parse(readFixture('huawei_vrp/display_temperature/huawei_vrp_display_temperature.raw'));
    expect(parsed.sensors[3]).toEqual({ slot: 'SlotID2', sensor: 'LPUF41A', status: 'NORMAL', celsius: 55, warningCelsius: 89, criticalCelsius: 94, shutdownCelsius: 105, lowCelsius: null });
    expect(temperature.metrics(parsed)).toEqual({ 'temperature.max': 55, 'temperature.sensor-count': 9, 'temperature.alarm-count': 0, 'temperature.min-margin': 27 });
  });

  it('reads the switch layout with its two-line header (hand-written)', () => {
    const parsed = temperature.parse(sample('display_temperature', 's5720_all.txt'));
    expect(parsed.sensors).toHaveLength(3);
    expect(parsed.sensors[2]).toEqual({ slot: '2', sensor: 'NA', status: 'ABNORMAL', celsius: 71, warningCelsius: 68, criticalCelsius: null, shutdownCelsius: null, lowCelsius: 0 });
    expect(temperature.metrics(parsed)).toEqual({ 'temperature.max': 71, 'temperature.sensor-count': 3, 'temperature.alarm-count': 1, 'temperature.min-margin': -3 });
  });
});

describe('huawei display cpu-usage (hand-written)', () => {
  it('reads the S/CE layout', () => {
    const parsed = cpu.parse(sample('display_cpu_usage', 's5720_v200r011.txt'));
    expect(parsed.cpus).toEqual([{ scope: '', currentPercent: 12, oneMinutePercent: 11, fiveMinutesPercent: 10, maxPercent: 87 }]);
    expect(cpu.metrics(parsed)).toEqual({ 'cpu.percent': 12, 'cpu.percent-1m': 11, 'cpu.percent-5m': 10, 'cpu.max-percent': 87 });
  });

  it('reads the VRP8 layout', () => {
    expect(cpu.parse(sample('display_cpu_usage', 'ne40e_v800r011.txt')).cpus).toEqual([{ scope: '', currentPercent: 23, oneMinutePercent: 21, fiveMinutesPercent: 20, maxPercent: 64 }]);
  });
});

describe('huawei display memory-usage (hand-written)', () => {
  it('reads bytes', () => {
    const parsed = memory.parse(sample('display_memory_usage', 's5720_bytes.txt'));
    expect(parsed.memories[0]).toEqual({ scope: '', totalBytes: 477577216, usedBytes: 224059392, freeBytes: 253517824, availableBytes: 253517824, usedPercent: 46 });
    expect(memory.metrics(parsed)).toEqual({ 'memory.used-percent': 46, 'memory.total-bytes': 477577216, 'memory.used-bytes': 224059392, 'memory.available-bytes': 253517824 });
  });

  it('reads Kbytes', () => {
    const parsed = memory.parse(sample('display_memory_usage', 'ce6850_kbytes.txt'));
    expect(parsed.memories[0]).toMatchObject({ totalBytes: 3912552 * 1024, usedBytes: 2387620 * 1024, usedPercent: 61 });
  });
});

describe('huawei display fan (hand-written)', () => {
  it('counts an absent fan as failed (FanNum / Register layout)', () => {
    const parsed = fan.parse(sample('display_fan', 's5700_v200r005.txt'));
    expect(parsed.fans).toEqual([
      { slot: '0', fan: '1', presence: 'Present', status: '', speedPercent: 45, ok: true },
      { slot: '0', fan: '2', presence: 'Absent', status: '', speedPercent: null, ok: false },
    ]);
    expect(fan.metrics(parsed)).toEqual({ 'fan.count': 2, 'fan.failed-count': 1, 'fan.failed': '0/2', 'fan.min-speed-percent': 45 });
  });

  it('counts an abnormal fan as failed (Status / Airflow layout)', () => {
    const parsed = fan.parse(sample('display_fan', 'ce6850.txt'));
    expect(fan.metrics(parsed)).toEqual({ 'fan.count': 4, 'fan.failed-count': 1, 'fan.failed': '1/3', 'fan.min-speed-percent': 0 });
  });
});

describe('huawei display power (hand-written)', () => {
  it('tells a failed supply (NotSupply) from an empty bay', () => {
    const parsed = power.parse(sample('display_power', 's5720.txt'));
    expect(parsed.supplies[0]).toEqual({ slot: '0', psu: 'PWR1', model: '', serial: '', presence: 'Present', status: 'Supply', mode: 'AC', watts: 150, present: true, ok: true });
    expect(power.metrics(parsed)).toEqual({ 'psu.count': 3, 'psu.failed-count': 1, 'psu.absent-count': 1, 'psu.failed': '0/PWR2' });
  });
});

describe('huawei display alarm active (hand-written)', () => {
  it('reads the slash layout with continued descriptions', () => {
    const parsed = alarm.parse(sample('display_alarm_active', 'ce_slash_format.txt'));
    expect(parsed.alarms).toHaveLength(2);
    expect(parsed.alarms[0]).toMatchObject({ id: '1', severity: 'Critical', raisedAt: '2024-03-15 08:11:02+08:00', name: 'hwPowerRemove' });
    expect(parsed.alarms[0]?.description).toContain('The power module was removed.');
    expect(alarm.metrics(parsed)).toEqual({ 'alarms.active-count': 2, 'alarms.critical-count': 1, 'alarms.major-count': 1, 'alarms.summary': 'Critical hwPowerRemove; Major hwEntityInvalid' });
  });

  it('reads the Index/Level table with a wrapped description', () => {
    const parsed = alarm.parse(sample('display_alarm_active', 's5700_index_table.txt'));
    expect(parsed.alarms).toEqual([
      { id: '1', severity: 'Major', raisedAt: '2024-03-17 03:12:55', name: '', description: 'The fan in slot 0 is abnormal.' },
      { id: '2', severity: 'Minor', raisedAt: '2024-03-18 09:01:40', name: '', description: 'The temperature of slot 1 exceeded the upper minor threshold.' },
    ]);
  });

  it('reads the VRP8 Sequence table', () => {
    const parsed = alarm.parse(sample('display_alarm_active', 'ne40e_sequence_table.txt'));
    expect(parsed.alarms.map((a) => [a.id, a.name, a.severity])).toEqual([
      ['1', '0x813f0000', 'Critical'],
      ['2', '0x8520003', 'Warning'],
    ]);
    expect(alarm.metrics(parsed)['alarms.summary']).toBe('Critical The power module is absent.(EntityPhysicalIndex=17039361, EntPhysicalName=PWR2); Warning The license is about to expire.');
  });

  it('reads "no alarm" as an empty list, in either form', () => {
    expect(alarm.parse(sample('display_alarm_active', 'no_alarm.txt')).alarms).toEqual([]);
    expect(alarm.parse('<HUAWEI>display alarm active\nInfo: There is no active alarm.\n<HUAWEI>').alarms).toEqual([]);
    expect(alarm.metrics({ alarms: [] })).toEqual({ 'alarms.active-count': 0, 'alarms.critical-count': 0, 'alarms.major-count': 0, 'alarms.summary': '' });
  });
});
