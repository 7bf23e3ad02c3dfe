import { z } from 'zod';

/*
 * The typed values each parser returns. Text fields hold what the device
 * printed (trimmed), '' when it printed nothing there; numbers are numbers,
 * null when the device printed no value ("-", "NA", "--", empty). Names are
 * ours; docs/parsers.md maps them to the peer library's names per command.
 */

const text = z.string();
const count = z.number().int().nonnegative();
const maybeNumber = z.number().nullable();
const maybePercent = z.number().min(0).max(100).nullable();

/** The shared vocabulary of a temperature reading with its thresholds, °C. */
export const TemperatureSensor = z.object({
  /** Where: slot / board / sensor name as printed. */
  slot: text,
  sensor: text,
  /** State as printed (NORMAL, GREEN, Normal ...), '' when the command prints none. */
  status: text,
  celsius: maybeNumber,
  /** First threshold that raises a minor / warning / yellow alarm. */
  warningCelsius: maybeNumber,
  /** Major / alarm / red threshold. */
  criticalCelsius: maybeNumber,
  /** Shutdown / fatal threshold. */
  shutdownCelsius: maybeNumber,
  /** Low alarm threshold (where printed). */
  lowCelsius: maybeNumber,
});
export type TemperatureSensor = z.infer<typeof TemperatureSensor>;

// ---------------------------------------------------------------- Huawei VRP

export const HuaweiDisplayVersion = z.object({
  /** "8.180" from "VRP (R) software, Version 8.180 (...)". */
  vrpVersion: text,
  /** "NE40E V800R011C00SPC200": product and release, what upgrades are planned by. */
  productVersion: text,
  /** "NE40E-X2-M8A", "AR6280", "S7706 Terabit Routing Switch". */
  model: text,
  /** "161 days, 0 hour, 20 minutes" as printed. */
  uptime: text,
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  /** "V800R007SPH019", '' when no patch is installed. */
  patchVersion: text,
});
export type HuaweiDisplayVersion = z.infer<typeof HuaweiDisplayVersion>;

export const HuaweiDeviceSlot = z.object({
  /** "3", "PWR1", "FAN1"; sub-card rows inherit the slot of the row above. */
  slot: text,
  /** "-" for the board itself, "FAN1"/"PWR2" for a part inside the slot. */
  card: text,
  /** Board type; a configured-but-absent board prints "*TYPE", kept here without the star. */
  type: text,
  /** The type was printed with "*": configured, not active. */
  configuredOnly: z.boolean(),
  /** Present / Offline / Absent ... */
  online: text,
  /** On / Off / "-". */
  power: text,
  /** Registered / Unregistered / "-". */
  register: text,
  /** Normal / Abnormal / "-". */
  alarm: text,
  /** Master / Slave / Standby / NA. */
  primary: text,
});
export const HuaweiDisplayDevice = z.object({
  /** "CE12808S" from "CE12808S's Device status:", '' when not printed. */
  chassis: text,
  slots: z.array(HuaweiDeviceSlot),
});
export type HuaweiDisplayDevice = z.infer<typeof HuaweiDisplayDevice>;

export const HuaweiInterface = z.object({
  name: text,
  /** PHY column as printed: "up", "down", "*down" (admin down), "^down" (standby), with (l)/(s)/(E)... flags. */
  phy: text,
  protocol: text,
  adminDown: z.boolean(),
  /** Physical state up. */
  up: z.boolean(),
  inUtilPercent: maybeNumber,
  outUtilPercent: maybeNumber,
  inErrors: maybeNumber,
  outErrors: maybeNumber,
  /** The Eth-Trunk an indented member line belongs to, '' otherwise. */
  trunk: text,
});
export const HuaweiDisplayInterfaceBrief = z.object({ interfaces: z.array(HuaweiInterface) });
export type HuaweiDisplayInterfaceBrief = z.infer<typeof HuaweiDisplayInterfaceBrief>;

export const CpuUsage = z.object({
  /** Where the figure is from: "" for the whole device, "Slot 1 CPU 0", "Unit 1". */
  scope: text,
  /** Current / five-second utilisation. */
  currentPercent: maybePercent,
  oneMinutePercent: maybePercent,
  fiveMinutesPercent: maybePercent,
  /** Peak since the statistics started, where printed. */
  maxPercent: maybePercent,
});
export type CpuUsage = z.infer<typeof CpuUsage>;
export const CpuUsageReport = z.object({ cpus: z.array(CpuUsage).min(1) });
export type CpuUsageReport = z.infer<typeof CpuUsageReport>;

export const MemoryUsage = z.object({
  scope: text,
  totalBytes: maybeNumber,
  usedBytes: maybeNumber,
  freeBytes: maybeNumber,
  /** What applications can still get (Linux MemAvailable; free incl. caches elsewhere). */
  availableBytes: maybeNumber,
  usedPercent: maybePercent,
});
export type MemoryUsage = z.infer<typeof MemoryUsage>;
export const MemoryUsageReport = z.object({
  memories: z.array(MemoryUsage).min(1),
  swapTotalBytes: maybeNumber,
  swapUsedBytes: maybeNumber,
});
export type MemoryUsageReport = z.infer<typeof MemoryUsageReport>;

export const TemperatureReport = z.object({ sensors: z.array(TemperatureSensor) });
export type TemperatureReport = z.infer<typeof TemperatureReport>;

export const Fan = z.object({
  slot: text,
  fan: text,
  /** Present / Absent, '' when the command does not say. */
  presence: text,
  /** Normal / Abnormal / Fault / Absent ... as printed. */
  status: text,
  speedPercent: maybePercent,
  /** Healthy by the vendor's own vocabulary (see the parser). */
  ok: z.boolean(),
});
export type Fan = z.infer<typeof Fan>;
export const FanReport = z.object({ fans: z.array(Fan) });
export type FanReport = z.infer<typeof FanReport>;

export const PowerSupply = z.object({
  slot: text,
  /** PSU id as printed: "PWR1", "1", "1A". */
  psu: text,
  model: text,
  serial: text,
  /** Present / Absent, '' when the command does not say. */
  presence: text,
  /** State as printed: Supply, Normal, OK, No Input Power, Absent ... */
  status: text,
  /** AC / DC where printed. */
  mode: text,
  watts: maybeNumber,
  present: z.boolean(),
  /** Present and delivering power by the vendor's vocabulary. */
  ok: z.boolean(),
});
export type PowerSupply = z.infer<typeof PowerSupply>;
export const PowerReport = z.object({ supplies: z.array(PowerSupply) });
export type PowerReport = z.infer<typeof PowerReport>;

export const HuaweiAlarm = z.object({
  /** Sequence / index as printed. */
  id: text,
  /** Critical / Major / Minor / Warning (as printed). */
  severity: text,
  /** "2019-12-19 15:53:48" as printed, zone suffix kept. */
  raisedAt: text,
  /** Alarm name or code ("hwPowerRemove", "0x8152000a"), '' when the format has none. */
  name: text,
  description: text,
});
export const HuaweiDisplayAlarmActive = z.object({ alarms: z.array(HuaweiAlarm) });
export type HuaweiDisplayAlarmActive = z.infer<typeof HuaweiDisplayAlarmActive>;

// ---------------------------------------------------------------- H3C Comware

export const H3cDisplayVersion = z.object({
  /** "7.1.070" */
  comwareVersion: text,
  /** "6616", "2221P22" */
  release: text,
  /** "S6850-56HF", "5130 24G 4SFP+ EI Switch JG932A" (vendor word removed). */
  model: text,
  uptime: text,
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  lastRebootReason: text,
  bootImage: text,
  systemImage: text,
});
export type H3cDisplayVersion = z.infer<typeof H3cDisplayVersion>;

export const H3cManuinfo = z.object({
  /** Chassis number of an IRF/cluster chassis block, '' otherwise. */
  chassis: text,
  /** Slot / Subslot / Fan / Power / Chassis as printed ('slot' on old releases); '' for a block without a heading. */
  slotType: text,
  /** "0", "self"; '' for a block without a heading. */
  slotId: text,
  /** CPU number of a "Slot 1 CPU 0" heading, '' otherwise. */
  cpu: text,
  deviceName: text,
  serialNumber: text,
  macAddress: text,
  manufacturingDate: text,
  vendor: text,
  /** PRODUCT ID line (HPE-branded units), '' otherwise. */
  productId: text,
  /** The device said it cannot report this part ("not supported", "Failed to display"). */
  unavailable: z.boolean(),
});
export const H3cDisplayDeviceManuinfo = z.object({ entries: z.array(H3cManuinfo) });
export type H3cDisplayDeviceManuinfo = z.infer<typeof H3cDisplayDeviceManuinfo>;

export const H3cInterface = z.object({
  name: text,
  /** 'route' or 'bridge': the section the line came from. */
  mode: z.enum(['route', 'bridge']),
  /** UP / DOWN / ADM / Stby as printed. */
  link: text,
  adminDown: z.boolean(),
  up: z.boolean(),
  /** Route mode: "UP", "UP(s)", "DOWN", "--"; '' on bridge lines. */
  protocol: text,
  /** Route mode: primary IP or "--"; '' on bridge lines. */
  mainIp: text,
  /** Bridge mode: "1G(a)", "auto"; '' on route lines. */
  speed: text,
  /** Bridge mode: "F(a)", "A", "H", "F"; '' on route lines. */
  duplex: text,
  /** Bridge mode link type A / T / H; '' on route lines. */
  type: text,
  /** Bridge mode PVID as printed, '' on route lines. */
  pvid: text,
  description: text,
});
export const H3cDisplayInterfaceBrief = z.object({ interfaces: z.array(H3cInterface) });
export type H3cDisplayInterfaceBrief = z.infer<typeof H3cDisplayInterfaceBrief>;

// ---------------------------------------------------------------- Cisco IOS / IOS-XE

export const CiscoShowVersion = z.object({
  /** "12.2(54)SG1", "16.9.3": from the "Cisco IOS Software" line. */
  version: text,
  /** "cat4500e-ENTSERVICESK9-M": feature set in parentheses. */
  softwareImage: text,
  /** "fc1" from "(fc1)", '' when not printed. */
  release: text,
  hostname: text,
  uptime: text,
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  /** "Last reload reason", else the cause in "System returned to ROM by ...". */
  reloadReason: text,
  /** "09:09:22 UTC Tue Apr 9 2013" from "System restarted at", '' when not printed. */
  restarted: text,
  /** The image file without its device ("bootflash:"): "packages.conf" means install mode. */
  runningImage: text,
  /** One model per stack member ("Model Number"), else the "cisco X ... processor" model. */
  hardware: z.array(text),
  /** One serial per stack member ("System Serial Number"), else the processor board ID. */
  serials: z.array(text),
  macAddresses: z.array(text),
  /** "0x2102", '' when not printed. */
  configRegister: text,
});
export type CiscoShowVersion = z.infer<typeof CiscoShowVersion>;

export const CiscoInventoryItem = z.object({ name: text, description: text, pid: text, vid: text, serial: text });
export const CiscoShowInventory = z.object({ items: z.array(CiscoInventoryItem) });
export type CiscoShowInventory = z.infer<typeof CiscoShowInventory>;

export const CiscoInterfaceStatus = z.object({
  port: text,
  /** Description, truncated by the device to the column width. */
  name: text,
  /** connected, notconnect, disabled, err-disabled, suspended, monitoring, up, down ... */
  status: text,
  /** "1", "trunk", "routed", "unassigned", "123,1234", "pvlan prom". */
  vlan: text,
  /** "a-full", "full", "auto", "a-half". */
  duplex: text,
  /** "a-1000", "10G", "auto". */
  speed: text,
  /** Media type, '' when not printed; the reason for fc lines that are down. */
  type: text,
  /** Fibre-channel port mode ("NP") of NX-OS fc lines, '' otherwise. */
  fcMode: text,
  up: z.boolean(),
  adminDown: z.boolean(),
  errDisabled: z.boolean(),
  /** Negotiated or fixed speed in Mb/s, null for "auto" / not printed. */
  speedMbps: maybeNumber,
});
export const CiscoShowInterfacesStatus = z.object({ interfaces: z.array(CiscoInterfaceStatus) });
export type CiscoShowInterfacesStatus = z.infer<typeof CiscoShowInterfacesStatus>;

export const CiscoProcess = z.object({
  pid: count,
  runtimeMs: count,
  invoked: count,
  usecs: count,
  fiveSecondsPercent: z.number(),
  oneMinutePercent: z.number(),
  fiveMinutesPercent: z.number(),
  tty: count,
  /** Truncated by IOS to 16 characters. */
  name: text,
});
export const CiscoShowProcessesCpu = z.object({
  fiveSecondsPercent: z.number(),
  /** The interrupt share of the five-second figure ("4%/0%"). */
  interruptPercent: z.number(),
  oneMinutePercent: z.number(),
  fiveMinutesPercent: z.number(),
  processes: z.array(CiscoProcess),
});
export type CiscoShowProcessesCpu = z.infer<typeof CiscoShowProcessesCpu>;

export const CiscoSwitchTemperature = z.object({
  /** Stack member, '' on a standalone box that prints no "Switch N:". */
  switch: text,
  /** "OK", "FAULTY", ... from "SYSTEM TEMPERATURE is OK". */
  systemStatus: text,
  sensors: z.array(TemperatureSensor),
});
export const CiscoShowEnvironmentTemperature = z.object({ switches: z.array(CiscoSwitchTemperature) });
export type CiscoShowEnvironmentTemperature = z.infer<typeof CiscoShowEnvironmentTemperature>;

export const CiscoPowerSupply = PowerSupply.extend({
  /** Sys Pwr column: Good / Bad / n/a. */
  sysPower: text,
  /** PoE Pwr column: Good / Bad / n/a. */
  poePower: text,
});
export const CiscoShowEnvironmentPowerAll = z.object({ supplies: z.array(CiscoPowerSupply) });
export type CiscoShowEnvironmentPowerAll = z.infer<typeof CiscoShowEnvironmentPowerAll>;

// ---------------------------------------------------------------- Linux

export const LinuxUptime = z.object({
  /** "10:14:02" as printed. */
  time: text,
  uptimeSeconds: z.number().int().nonnegative(),
  users: count.nullable(),
  load1: z.number(),
  load5: z.number(),
  load15: z.number(),
});
export type LinuxUptime = z.infer<typeof LinuxUptime>;

export const LinuxLoadavg = z.object({
  load1: z.number(),
  load5: z.number(),
  load15: z.number(),
  runnable: count,
  threads: count,
  lastPid: count,
});
export type LinuxLoadavg = z.infer<typeof LinuxLoadavg>;

export const LinuxFilesystem = z.object({
  filesystem: text,
  /** -T only, '' otherwise. */
  type: text,
  sizeBytes: z.number().nonnegative(),
  usedBytes: z.number().nonnegative(),
  availableBytes: z.number().nonnegative(),
  /** Capacity column; null for "-" (pseudo filesystems of size 0). */
  usedPercent: maybePercent,
  mountpoint: text,
});
export const LinuxDf = z.object({ filesystems: z.array(LinuxFilesystem).min(1) });
export type LinuxDf = z.infer<typeof LinuxDf>;

export const LinuxFailedUnit = z.object({ unit: text, load: text, active: text, sub: text, description: text });
export const LinuxSystemctlFailed = z.object({ units: z.array(LinuxFailedUnit) });
export type LinuxSystemctlFailed = z.infer<typeof LinuxSystemctlFailed>;
