import { CiscoShowEnvironmentPowerAll } from '../parsed-values';
import { PSU_METRICS, psuMetrics, type MetricSpec, type Metrics } from '../metrics';
import { isRule, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-environment-power-all', dialect: 'ios', commands: ['show environment power all', 'show env power all'] };
export const schema = CiscoShowEnvironmentPowerAll;

type Supply = CiscoShowEnvironmentPowerAll['supplies'][number];

/*
 * Catalyst stack layout: "SW PID Serial# Status Sys Pwr PoE Pwr Watts", one
 * row per supply bay ("1A", "1B"; "1" for the built-in supply of a 2960),
 * "Not Present" for an empty bay. Status may have spaces ("No Input Power")
 * and the serial may touch it, so rows are read from both ends. Watts
 * "350/0" (main/PoE share on 3750-X) keeps the first figure.
 */
const HEADER = /^\s*SW\s+PID\s+Serial#\s+Status\s+Sys Pwr\s+PoE Pwr\s+Watts\s*$/i;
const POWER = '(Good|Bad|n\\/a|N\\/A)';
const FULL = new RegExp(`^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.+?)\\s+${POWER}\\s+${POWER}\\s+(\\d+)(?:\\/\\d+)?$`);
const BUILT_IN = /^(\S+)\s+(\S+)\s+(Good|Bad)$/;
const ABSENT = /^(\S+)\s+Not Present$/i;

function supply(ps: string, fields: Partial<Supply>): Supply {
  const base: Supply = { slot: /^\d+/.exec(ps)?.[0] ?? '', psu: ps, model: '', serial: '', presence: 'Present', status: '', mode: '', watts: null, present: true, ok: false, sysPower: '', poePower: '' };
  const s = { ...base, ...fields };
  // Healthy: the supply says OK (or nothing, built-in) and system power is good.
  s.ok = s.present && /^(?:ok|good|)$/i.test(s.status) && /^good$/i.test(s.sysPower);
  return s;
}

export function parse(text: string): CiscoShowEnvironmentPowerAll {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "SW PID Serial# Status Sys Pwr PoE Pwr Watts" header');
  const supplies: Supply[] = [];
  for (const raw of lines.slice(headerIndex + 1)) {
    const line = raw.trim();
    if (isRule(line) || /^-[-\s]*$/.test(line)) continue;
    if (line === '') {
      if (supplies.length > 0) break; // other sections (RPS, budget) follow on some models
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = ABSENT.exec(line))) {
      supplies.push(supply(m[1] as string, { model: 'Not Present', presence: 'Absent', present: false }));
    } else if ((m = FULL.exec(line))) {
      supplies.push(
        supply(m[1] as string, { model: m[2] as string, serial: m[3] as string, status: m[4] as string, sysPower: m[5] as string, poePower: m[6] as string, watts: Number(m[7]) }),
      );
    } else if ((m = BUILT_IN.exec(line))) {
      supplies.push(supply(m[1] as string, { model: m[2] as string, sysPower: m[3] as string }));
    } else {
      throw unexpectedLine(SPEC, line);
    }
  }
  return { supplies };
}

export const METRICS: readonly MetricSpec[] = PSU_METRICS;

export function metrics(parsed: CiscoShowEnvironmentPowerAll): Metrics {
  return psuMetrics(parsed.supplies);
}
