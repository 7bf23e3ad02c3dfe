import { parse as ciscoShowEnvironmentPowerAll } from './cisco/show-environment-power-all';
import { parse as ciscoShowEnvironmentTemperature } from './cisco/show-environment-temperature';
import { parse as ciscoShowInterfacesStatus, speedMbps } from './cisco/show-interfaces-status';
import { parse as ciscoShowInventory } from './cisco/show-inventory';
import { parse as ciscoShowProcessesCpu } from './cisco/show-processes-cpu';
import { parse as ciscoShowVersion } from './cisco/show-version';
import { parse as h3cDisplayDeviceManuinfo } from './h3c/display-device-manuinfo';
import { parse as h3cDisplayInterfaceBrief } from './h3c/display-interface-brief';
import { parse as huaweiDisplayDevice } from './huawei/display-device';
import { parse as huaweiDisplayInterfaceBrief } from './huawei/display-interface-brief';
import { parse as huaweiDisplayTemperature } from './huawei/display-temperature';
import { parse as huaweiDisplayVersion } from './huawei/display-version';
import type { PeerRecord } from './testing/peer-yaml';

/*
 * How our parsed values line up with the peer library's (ntc-templates) on
 * the recorded device output in tests/fixtures/device-output. The recorded
 * test (recorded-output.test.ts) walks every fixture through this table;
 * docs/parsers.md shows the same table (a test keeps the two in step).
 *
 * Comparison rules:
 *  - 'same':    our text equals the peer's text exactly ('' where the device printed nothing).
 *  - 'number':  the peer keeps numbers as text: "38" is compared as 38, "" as null.
 *  - 'percent': the peer keeps the percent sign: "0.38%" is compared as 0.38.
 * `derived` values are ours only, computed from what the peer also extracts;
 * they are checked against the peer's fields by the stated rule.
 * `divergences` are the places where the peer's value is not what the device
 * printed; each states why, and the test pins both values.
 */

export type Comparison = 'same' | 'number' | 'percent';

export interface FieldMapping<Row> {
  /** Our field, as a path from the row (docs). */
  ours: string;
  peer: string;
  how: Comparison;
  get(row: Row): unknown;
}

export interface DerivedMapping<Row> {
  ours: string;
  from: readonly string[];
  rule: string;
  get(row: Row): unknown;
  expected(peer: PeerRecord): unknown;
}

export interface PeerDivergence {
  file: string;
  record: number;
  peer: string;
  peerValue: string;
  ours: unknown;
  why: string;
}

export interface ExtraRecord {
  file: string;
  /** Index in our rows. */
  ours: number;
  why: string;
}

export interface RecordedMapping<T, Row> {
  parserId: string;
  /** Folder under tests/fixtures/device-output. */
  folder: string;
  parse(text: string): T;
  /** Our value as the peer's list of records. */
  rows(parsed: T): Row[];
  /** What a row is, for the docs. */
  rowLabel: string;
  fields: ReadonlyArray<FieldMapping<Row>>;
  derived?: ReadonlyArray<DerivedMapping<Row>>;
  notExtracted?: ReadonlyArray<{ peer: string; why: string }>;
  divergences?: readonly PeerDivergence[];
  extraRecords?: readonly ExtraRecord[];
}

/** Erases the row type so mappings of different commands sit in one list. */
function mapping<T, Row>(m: RecordedMapping<T, Row>): RecordedMapping<unknown, unknown> {
  return m as unknown as RecordedMapping<unknown, unknown>;
}

const field = <Row>(ours: string, peer: string, how: Comparison, get: (row: Row) => unknown): FieldMapping<Row> => ({ ours, peer, how, get });

const text = (peer: PeerRecord, key: string): string => {
  const v = peer[key];
  if (typeof v !== 'string') throw new Error(`peer field ${key} is not text`);
  return v;
};
const int = (peer: PeerRecord, key: string): number => (text(peer, key) === '' ? 0 : Number(text(peer, key)));

type HuaweiVersion = ReturnType<typeof huaweiDisplayVersion>;
type HuaweiDevice = ReturnType<typeof huaweiDisplayDevice>['slots'][number];
type HuaweiInterface = ReturnType<typeof huaweiDisplayInterfaceBrief>['interfaces'][number];
type Sensor = ReturnType<typeof huaweiDisplayTemperature>['sensors'][number];
type Manuinfo = ReturnType<typeof h3cDisplayDeviceManuinfo>['entries'][number];
type H3cInterface = ReturnType<typeof h3cDisplayInterfaceBrief>['interfaces'][number];
type CiscoVersion = ReturnType<typeof ciscoShowVersion>;
type CiscoItem = ReturnType<typeof ciscoShowInventory>['items'][number];
type CiscoPort = ReturnType<typeof ciscoShowInterfacesStatus>['interfaces'][number];
type CiscoCpu = ReturnType<typeof ciscoShowProcessesCpu>;
type CiscoProcessRow = { cpu: CiscoCpu; process: CiscoCpu['processes'][number] };
type CiscoSwitchTemp = ReturnType<typeof ciscoShowEnvironmentTemperature>['switches'][number];
type CiscoSupply = ReturnType<typeof ciscoShowEnvironmentPowerAll>['supplies'][number];

const sensorOf = (row: CiscoSwitchTemp, name: string) => row.sensors.find((s) => s.sensor === name);

export const RECORDED_MAPPINGS: ReadonlyArray<RecordedMapping<unknown, unknown>> = [
  mapping({
    parserId: 'huawei.display-version',
    folder: 'huawei_vrp/display_version',
    parse: huaweiDisplayVersion,
    rows: (p) => [p],
    rowLabel: 'the whole output (one record)',
    fields: [
      field<HuaweiVersion>('vrpVersion', 'vrp_version', 'same', (r) => r.vrpVersion),
      field<HuaweiVersion>('productVersion', 'product_version', 'same', (r) => r.productVersion),
      field<HuaweiVersion>('model', 'model', 'same', (r) => r.model),
      field<HuaweiVersion>('uptime', 'uptime', 'same', (r) => r.uptime),
      field<HuaweiVersion>('patchVersion', 'patch_version', 'same', (r) => r.patchVersion),
    ],
  }),
  mapping({
    parserId: 'huawei.display-device',
    folder: 'huawei_vrp/display_device',
    parse: huaweiDisplayDevice,
    rows: (p) => p.slots,
    rowLabel: '`slots[]`',
    fields: [
      field<HuaweiDevice>('slot', 'slot', 'same', (r) => r.slot),
      field<HuaweiDevice>('card', 'card', 'same', (r) => r.card),
      field<HuaweiDevice>('type', 'pid', 'same', (r) => r.type),
      field<HuaweiDevice>('online', 'online_status', 'same', (r) => r.online),
      field<HuaweiDevice>('power', 'power_status', 'same', (r) => r.power),
      field<HuaweiDevice>('register', 'register_status', 'same', (r) => r.register),
      field<HuaweiDevice>('alarm', 'alarm_status', 'same', (r) => r.alarm),
      field<HuaweiDevice>('primary', 'ha_status', 'same', (r) => r.primary),
    ],
  }),
  mapping({
    parserId: 'huawei.display-interface-brief',
    folder: 'huawei_vrp/display_interface_brief',
    parse: huaweiDisplayInterfaceBrief,
    rows: (p) => p.interfaces,
    rowLabel: '`interfaces[]`',
    fields: [
      field<HuaweiInterface>('name', 'interface', 'same', (r) => r.name),
      field<HuaweiInterface>('phy', 'phy', 'same', (r) => r.phy),
      field<HuaweiInterface>('protocol', 'protocol', 'same', (r) => r.protocol),
      field<HuaweiInterface>('inUtilPercent', 'inuti', 'percent', (r) => r.inUtilPercent),
      field<HuaweiInterface>('outUtilPercent', 'oututi', 'percent', (r) => r.outUtilPercent),
      field<HuaweiInterface>('inErrors', 'inerrors', 'number', (r) => r.inErrors),
      field<HuaweiInterface>('outErrors', 'outerrors', 'number', (r) => r.outErrors),
    ],
    derived: [
      { ours: 'up', from: ['phy'], rule: 'phy starts with "up"', get: (r: HuaweiInterface) => r.up, expected: (p) => text(p, 'phy').startsWith('up') },
      { ours: 'adminDown', from: ['phy'], rule: 'phy starts with "*" ("*down")', get: (r: HuaweiInterface) => r.adminDown, expected: (p) => text(p, 'phy').startsWith('*') },
    ],
  }),
  mapping({
    parserId: 'huawei.display-temperature',
    folder: 'huawei_vrp/display_temperature',
    parse: huaweiDisplayTemperature,
    rows: (p) => p.sensors,
    rowLabel: '`sensors[]`',
    fields: [
      field<Sensor>('slot', 'slotid', 'same', (r) => r.slot),
      field<Sensor>('sensor', 'pcb', 'same', (r) => r.sensor),
      field<Sensor>('status', 'status', 'same', (r) => r.status),
      field<Sensor>('celsius', 'temperature', 'number', (r) => r.celsius),
    ],
  }),
  mapping({
    parserId: 'h3c.display-device-manuinfo',
    folder: 'hp_comware/display_device_manuinfo',
    parse: h3cDisplayDeviceManuinfo,
    rows: (p) => p.entries,
    rowLabel: '`entries[]`',
    fields: [
      field<Manuinfo>('chassis', 'chassis_id', 'same', (r) => r.chassis),
      field<Manuinfo>('slotType', 'slot_type', 'same', (r) => r.slotType),
      field<Manuinfo>('slotId', 'slot_id', 'same', (r) => r.slotId),
      field<Manuinfo>('deviceName', 'device_name', 'same', (r) => r.deviceName),
      field<Manuinfo>('serialNumber', 'device_serial_number', 'same', (r) => r.serialNumber),
      field<Manuinfo>('macAddress', 'mac_address', 'same', (r) => r.macAddress),
      field<Manuinfo>('manufacturingDate', 'manufacturing_date', 'same', (r) => r.manufacturingDate),
      field<Manuinfo>('vendor', 'vendor_name', 'same', (r) => r.vendor),
    ],
    divergences: [
      {
        file: 'hp_comware_display_device_manuinfo_failed-display-null-power.raw',
        record: 4,
        peer: 'device_name',
        peerValue: ' ',
        ours: '',
        why: 'Power 2 prints "DEVICE_NAME          : " with nothing after the colon; the peer\'s `(.+)` keeps one of the padding spaces. The device printed no name.',
      },
    ],
    extraRecords: [
      {
        file: 'hp_comware_display_device_manuinfo_cw5_product-id.raw',
        ours: 1,
        why: '"Fan 1:" with "DEVICE_SERIAL_NUMBER : NONE": the peer records a block only at VENDOR_NAME or a "not supported" sentence, so this fan is dropped. We keep it: the fan is listed by the device (serial NONE).',
      },
      {
        file: 'hp_comware_display_device_manuinfo_cw5_product-id.raw',
        ours: 2,
        why: 'Same for "Fan 2:".',
      },
    ],
  }),
  mapping({
    parserId: 'h3c.display-interface-brief',
    folder: 'hp_comware/display_interface_brief',
    parse: h3cDisplayInterfaceBrief,
    rows: (p) => p.interfaces,
    rowLabel: '`interfaces[]`',
    fields: [
      field<H3cInterface>('name', 'interface', 'same', (r) => r.name),
      field<H3cInterface>('link', 'link', 'same', (r) => r.link),
      field<H3cInterface>('protocol', 'protocol', 'same', (r) => r.protocol),
      field<H3cInterface>('mainIp', 'main_ip', 'same', (r) => r.mainIp),
      field<H3cInterface>('speed', 'speed', 'same', (r) => r.speed),
      field<H3cInterface>('duplex', 'duplex', 'same', (r) => r.duplex),
      field<H3cInterface>('type', 'type', 'same', (r) => r.type),
      field<H3cInterface>('pvid', 'vlan_id', 'same', (r) => r.pvid),
      field<H3cInterface>('description', 'description', 'same', (r) => r.description),
    ],
    derived: [
      { ours: 'up', from: ['link'], rule: 'link is "UP"', get: (r: H3cInterface) => r.up, expected: (p) => text(p, 'link') === 'UP' },
      { ours: 'adminDown', from: ['link'], rule: 'link is "ADM"', get: (r: H3cInterface) => r.adminDown, expected: (p) => text(p, 'link') === 'ADM' },
    ],
    divergences: [
      ...(['Aux0', 'REG0'] as const).flatMap((name) => {
        const record = name === 'Aux0' ? 0 : 7;
        const why = `"${name}  UP   --       --": Protocol is "--" and Primary IP is "--" (column positions under the header), no description. The peer's protocol pattern takes only UP/DOWN, so it skips the protocol column and reads the two "--" as main IP and description: protocol "", main_ip "--", description "--".`;
        return [
          { file: 'hp_comware_display_interface_brief_release_60615P16.raw', record, peer: 'protocol', peerValue: '', ours: '--', why },
          { file: 'hp_comware_display_interface_brief_release_60615P16.raw', record, peer: 'description', peerValue: '--', ours: '', why },
        ];
      }),
    ],
  }),
  mapping({
    parserId: 'cisco.show-version',
    folder: 'cisco_ios/show_version',
    parse: ciscoShowVersion,
    rows: (p) => [p],
    rowLabel: 'the whole output (one record)',
    fields: [
      field<CiscoVersion>('version', 'version', 'same', (r) => r.version),
      field<CiscoVersion>('softwareImage', 'software_image', 'same', (r) => r.softwareImage),
      field<CiscoVersion>('release', 'release', 'same', (r) => r.release),
      field<CiscoVersion>('hostname', 'hostname', 'same', (r) => r.hostname),
      field<CiscoVersion>('uptime', 'uptime', 'same', (r) => r.uptime),
      field<CiscoVersion>('reloadReason', 'reload_reason', 'same', (r) => r.reloadReason),
      field<CiscoVersion>('restarted', 'restarted', 'same', (r) => r.restarted),
      field<CiscoVersion>('runningImage', 'running_image', 'same', (r) => r.runningImage),
      field<CiscoVersion>('hardware[]', 'hardware', 'same', (r) => r.hardware),
      field<CiscoVersion>('serials[]', 'serial', 'same', (r) => r.serials),
      field<CiscoVersion>('macAddresses[]', 'mac_address', 'same', (r) => r.macAddresses),
      field<CiscoVersion>('configRegister', 'config_register', 'same', (r) => r.configRegister),
    ],
    derived: [
      {
        ours: 'uptimeSeconds',
        from: ['uptime_years', 'uptime_weeks', 'uptime_days', 'uptime_hours', 'uptime_minutes'],
        rule: '((years × 365 + weeks × 7 + days) × 24 + hours) × 3600 + minutes × 60 ("" counts 0)',
        get: (r: CiscoVersion) => r.uptimeSeconds,
        expected: (p) => ((int(p, 'uptime_years') * 365 + int(p, 'uptime_weeks') * 7 + int(p, 'uptime_days')) * 24 + int(p, 'uptime_hours')) * 3600 + int(p, 'uptime_minutes') * 60,
      },
    ],
    notExtracted: [
      {
        peer: 'rommon',
        why: 'The peer keeps the first word after "ROM:", which is the ROM version on some platforms and "System", "Bootstrap" or "IOS-XE" on others; not a value a check can use.',
      },
    ],
  }),
  mapping({
    parserId: 'cisco.show-inventory',
    folder: 'cisco_ios/show_inventory',
    parse: ciscoShowInventory,
    rows: (p) => p.items,
    rowLabel: '`items[]`',
    fields: [
      field<CiscoItem>('name', 'name', 'same', (r) => r.name),
      field<CiscoItem>('description', 'descr', 'same', (r) => r.description),
      field<CiscoItem>('pid', 'pid', 'same', (r) => r.pid),
      field<CiscoItem>('vid', 'vid', 'same', (r) => r.vid),
      field<CiscoItem>('serial', 'sn', 'same', (r) => r.serial),
    ],
  }),
  mapping({
    parserId: 'cisco.show-interfaces-status',
    folder: 'cisco_ios/show_interfaces_status',
    parse: ciscoShowInterfacesStatus,
    rows: (p) => p.interfaces,
    rowLabel: '`interfaces[]`',
    fields: [
      field<CiscoPort>('port', 'port', 'same', (r) => r.port),
      field<CiscoPort>('name', 'name', 'same', (r) => r.name),
      field<CiscoPort>('status', 'status', 'same', (r) => r.status),
      field<CiscoPort>('vlan', 'vlan_id', 'same', (r) => r.vlan),
      field<CiscoPort>('duplex', 'duplex', 'same', (r) => r.duplex),
      field<CiscoPort>('speed', 'speed', 'same', (r) => r.speed),
      field<CiscoPort>('type', 'type', 'same', (r) => r.type),
      field<CiscoPort>('fcMode', 'fc_mode', 'same', (r) => r.fcMode),
    ],
    derived: [
      { ours: 'speedMbps', from: ['speed'], rule: '"a-1000" → 1000, "10G" → 10000, "auto"/"" → null', get: (r: CiscoPort) => r.speedMbps, expected: (p) => speedMbps(text(p, 'speed')) },
      { ours: 'up', from: ['status'], rule: 'status is connected, up or monitoring', get: (r: CiscoPort) => r.up, expected: (p) => ['connected', 'up', 'monitoring'].includes(text(p, 'status')) },
      { ours: 'adminDown', from: ['status'], rule: 'status is disabled', get: (r: CiscoPort) => r.adminDown, expected: (p) => text(p, 'status') === 'disabled' },
      { ours: 'errDisabled', from: ['status'], rule: 'status is err-disabled', get: (r: CiscoPort) => r.errDisabled, expected: (p) => text(p, 'status') === 'err-disabled' },
    ],
  }),
  mapping({
    parserId: 'cisco.show-processes-cpu',
    folder: 'cisco_ios/show_processes_cpu',
    parse: ciscoShowProcessesCpu,
    rows: (p): CiscoProcessRow[] => p.processes.map((process) => ({ cpu: p, process })),
    rowLabel: '`processes[]`, each with the summary of the whole output',
    fields: [
      field<CiscoProcessRow>('fiveSecondsPercent', 'cpu_usage_5_sec', 'number', (r) => r.cpu.fiveSecondsPercent),
      field<CiscoProcessRow>('interruptPercent', 'cpu_interruption_5_sec', 'number', (r) => r.cpu.interruptPercent),
      field<CiscoProcessRow>('oneMinutePercent', 'cpu_usage_1_min', 'number', (r) => r.cpu.oneMinutePercent),
      field<CiscoProcessRow>('fiveMinutesPercent', 'cpu_usage_5_min', 'number', (r) => r.cpu.fiveMinutesPercent),
      field<CiscoProcessRow>('processes[].pid', 'process_pid', 'number', (r) => r.process.pid),
      field<CiscoProcessRow>('processes[].runtimeMs', 'process_runtime', 'number', (r) => r.process.runtimeMs),
      field<CiscoProcessRow>('processes[].invoked', 'process_invoked', 'number', (r) => r.process.invoked),
      field<CiscoProcessRow>('processes[].usecs', 'process_cpu_time_for_invocation', 'number', (r) => r.process.usecs),
      field<CiscoProcessRow>('processes[].fiveSecondsPercent', 'process_cpu_usage_5_sec', 'number', (r) => r.process.fiveSecondsPercent),
      field<CiscoProcessRow>('processes[].oneMinutePercent', 'process_cpu_usage_1_min', 'number', (r) => r.process.oneMinutePercent),
      field<CiscoProcessRow>('processes[].fiveMinutesPercent', 'process_cpu_usage_5_min', 'number', (r) => r.process.fiveMinutesPercent),
      field<CiscoProcessRow>('processes[].tty', 'process_tty', 'number', (r) => r.process.tty),
      field<CiscoProcessRow>('processes[].name', 'process_name', 'same', (r) => r.process.name),
    ],
  }),
  mapping({
    parserId: 'cisco.show-environment-temperature',
    folder: 'cisco_ios/show_environment_temperature',
    parse: ciscoShowEnvironmentTemperature,
    rows: (p) => p.switches,
    rowLabel: '`switches[]`',
    fields: [
      field<CiscoSwitchTemp>('switch', 'switch', 'same', (r) => r.switch),
      field<CiscoSwitchTemp>('systemStatus', 'switch_temperature', 'same', (r) => r.systemStatus),
      ...(['Inlet', 'Hotspot'] as const).flatMap((name) => {
        const p = name.toLowerCase();
        return [
          field<CiscoSwitchTemp>(`sensors[sensor=${name}].celsius`, `${p}_temperature_value`, 'number', (r) => sensorOf(r, name)?.celsius),
          field<CiscoSwitchTemp>(`sensors[sensor=${name}].status`, `${p}_temperature_state`, 'same', (r) => sensorOf(r, name)?.status),
          field<CiscoSwitchTemp>(`sensors[sensor=${name}].warningCelsius`, `${p}_yellow_threshold`, 'number', (r) => sensorOf(r, name)?.warningCelsius),
          field<CiscoSwitchTemp>(`sensors[sensor=${name}].criticalCelsius`, `${p}_red_threshold`, 'number', (r) => sensorOf(r, name)?.criticalCelsius),
        ];
      }),
    ],
  }),
  mapping({
    parserId: 'cisco.show-environment-power-all',
    folder: 'cisco_ios/show_environment_power_all',
    parse: ciscoShowEnvironmentPowerAll,
    rows: (p) => p.supplies,
    rowLabel: '`supplies[]`',
    fields: [
      field<CiscoSupply>('psu', 'ps_module', 'same', (r) => r.psu),
      field<CiscoSupply>('model', 'pid', 'same', (r) => r.model),
      field<CiscoSupply>('serial', 'serial', 'same', (r) => r.serial),
      field<CiscoSupply>('status', 'status', 'same', (r) => r.status),
      field<CiscoSupply>('sysPower', 'sys_pwr', 'same', (r) => r.sysPower),
      field<CiscoSupply>('poePower', 'poe_pwr', 'same', (r) => r.poePower),
      field<CiscoSupply>('watts', 'watts', 'number', (r) => r.watts),
    ],
    derived: [
      {
        ours: 'present',
        from: ['pid'],
        rule: 'pid is not "Not Present"',
        get: (r: CiscoSupply) => r.present,
        expected: (p) => text(p, 'pid') !== 'Not Present',
      },
      {
        ours: 'ok',
        from: ['pid', 'status', 'sys_pwr'],
        rule: 'present, status OK/Good/"" and sys_pwr Good',
        get: (r: CiscoSupply) => r.ok,
        expected: (p) => text(p, 'pid') !== 'Not Present' && /^(?:OK|Good|)$/.test(text(p, 'status')) && text(p, 'sys_pwr') === 'Good',
      },
    ],
  }),
];

/** Renders one command's mapping as the markdown table docs/parsers.md carries. */
export function mappingMarkdown(m: RecordedMapping<unknown, unknown>): string {
  const how = { same: 'equal text', number: 'peer text → number ("" → null)', percent: 'peer "N%" → number N' } as const;
  const lines = [`Rows: ${m.rowLabel}.`, '', '| ours | ← peer | compared as |', '| --- | --- | --- |'];
  for (const f of m.fields) lines.push(`| \`${f.ours}\` | \`${f.peer}\` | ${how[f.how]} |`);
  for (const d of m.derived ?? []) lines.push(`| \`${d.ours}\` (derived) | ${d.from.map((x) => `\`${x}\``).join(', ')} | ${d.rule} |`);
  for (const n of m.notExtracted ?? []) lines.push(`| — (not extracted) | \`${n.peer}\` | ${n.why} |`);
  return lines.join('\n');
}
