import type { z } from 'zod';
import type { MetricSpec, Metrics } from './metrics';
import * as ciscoShowEnvironmentPowerAll from './cisco/show-environment-power-all';
import * as ciscoShowEnvironmentTemperature from './cisco/show-environment-temperature';
import * as ciscoShowInterfacesStatus from './cisco/show-interfaces-status';
import * as ciscoShowInventory from './cisco/show-inventory';
import * as ciscoShowProcessesCpu from './cisco/show-processes-cpu';
import * as ciscoShowVersion from './cisco/show-version';
import * as h3cDisplayCpuUsage from './h3c/display-cpu-usage';
import * as h3cDisplayDeviceManuinfo from './h3c/display-device-manuinfo';
import * as h3cDisplayEnvironment from './h3c/display-environment';
import * as h3cDisplayFan from './h3c/display-fan';
import * as h3cDisplayInterfaceBrief from './h3c/display-interface-brief';
import * as h3cDisplayMemory from './h3c/display-memory';
import * as h3cDisplayPower from './h3c/display-power';
import * as h3cDisplayVersion from './h3c/display-version';
import * as huaweiDisplayAlarmActive from './huawei/display-alarm-active';
import * as huaweiDisplayCpuUsage from './huawei/display-cpu-usage';
import * as huaweiDisplayDevice from './huawei/display-device';
import * as huaweiDisplayFan from './huawei/display-fan';
import * as huaweiDisplayInterfaceBrief from './huawei/display-interface-brief';
import * as huaweiDisplayMemoryUsage from './huawei/display-memory-usage';
import * as huaweiDisplayPower from './huawei/display-power';
import * as huaweiDisplayTemperature from './huawei/display-temperature';
import * as huaweiDisplayVersion from './huawei/display-version';
import * as linuxDf from './linux/df';
import * as linuxFree from './linux/free';
import * as linuxProcLoadavg from './linux/proc-loadavg';
import * as linuxProcMeminfo from './linux/proc-meminfo';
import * as linuxSystemctlFailed from './linux/systemctl-failed';
import * as linuxUptime from './linux/uptime';
import type { CommandSpec, Dialect } from './text';

export { cleanTerminalOutput } from './clean-terminal-output';
export { ParseError, PARSE_FAILED, isParseError } from './parse-error';
export type { MetricSpec, MetricValue, Metrics } from './metrics';

/**
 * One SSH output parser as the check runner and the checklist editor see it.
 * `parse` is pure (text in, typed value out, ParseError on text that is not
 * this command's output); `metrics` flattens the value into the named numbers
 * and texts a checklist item binds to (`metricSpecs` lists every name it can
 * produce; a name is absent when the output did not provide it).
 */
export interface OutputParser<T = unknown> {
  id: string;
  dialect: Dialect;
  /** The command line(s) this parser reads; the first is the one to send. */
  commands: readonly string[];
  schema: z.ZodType<T>;
  parse(text: string): T;
  metrics(parsed: T): Metrics;
  metricSpecs: readonly MetricSpec[];
}

interface ParserModule<T> {
  SPEC: CommandSpec;
  schema: z.ZodType<T>;
  parse(text: string): T;
  metrics(parsed: T): Metrics;
  METRICS: readonly MetricSpec[];
}

function entry<T>(module: ParserModule<T>): OutputParser<T> {
  return { id: module.SPEC.parserId, dialect: module.SPEC.dialect, commands: module.SPEC.commands, schema: module.schema, parse: module.parse, metrics: module.metrics, metricSpecs: module.METRICS };
}

const ALL = [
  entry(huaweiDisplayVersion),
  entry(huaweiDisplayDevice),
  entry(huaweiDisplayInterfaceBrief),
  entry(huaweiDisplayCpuUsage),
  entry(huaweiDisplayMemoryUsage),
  entry(huaweiDisplayTemperature),
  entry(huaweiDisplayFan),
  entry(huaweiDisplayPower),
  entry(huaweiDisplayAlarmActive),
  entry(h3cDisplayVersion),
  entry(h3cDisplayDeviceManuinfo),
  entry(h3cDisplayInterfaceBrief),
  entry(h3cDisplayCpuUsage),
  entry(h3cDisplayMemory),
  entry(h3cDisplayFan),
  entry(h3cDisplayPower),
  entry(h3cDisplayEnvironment),
  entry(ciscoShowVersion),
  entry(ciscoShowInventory),
  entry(ciscoShowInterfacesStatus),
  entry(ciscoShowProcessesCpu),
  entry(ciscoShowEnvironmentTemperature),
  entry(ciscoShowEnvironmentPowerAll),
  entry(linuxUptime),
  entry(linuxProcLoadavg),
  entry(linuxDf),
  entry(linuxFree),
  entry(linuxProcMeminfo),
  entry(linuxSystemctlFailed),
] as const;

/**
 * Parser id → parser. Ids are stable: profiles under resources/ and stored
 * check results refer to them. (The cast forgets each parser's value type:
 * callers get `unknown` and go through `schema` or `parseOutput`.)
 */
export const OUTPUT_PARSERS: ReadonlyMap<string, OutputParser> = new Map(ALL.map((p) => [p.id, p as unknown as OutputParser]));

export function getOutputParser(id: string): OutputParser | undefined {
  return OUTPUT_PARSERS.get(id);
}

/**
 * Parses and measures in one step, checking the parsed value against the
 * parser's schema on the way (a parser bug fails loudly here instead of
 * storing a malformed value).
 */
export function parseOutput(id: string, text: string): { parsed: unknown; metrics: Metrics } {
  const parser = OUTPUT_PARSERS.get(id);
  if (!parser) throw new Error(`Unknown output parser "${id}"`);
  const parsed = parser.schema.parse(parser.parse(text));
  return { parsed, metrics: parser.metrics(parsed) };
}
