import { FanReport, type Fan } from '../parsed-values';
import { FAN_METRICS, fanMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-fan', dialect: 'comware', commands: ['display fan'] };
export const schema = FanReport;

/*
 * Comware 7: " Slot 1:" then " Fan 1:" blocks with " State    : Normal" and
 * airflow lines. Comware 5 and some fixed switches: " Fan   1 State: Normal"
 * on one line, under " Unit 1" on stacks.
 */
const SCOPE = /^\s*((?:Chassis\s+\d+\s+)?(?:Slot|Unit)\s+\d+)\s*:?\s*$/i;
const FAN_BLOCK = /^\s*Fan(?:-tray)?\s+(\d+)\s*:?\s*$/i;
const FAN_LINE = /^\s*Fan(?:-tray)?\s+(\d+)\s+State\s*:\s*(.+?)\s*$/i;
const STATE = /^\s*State\s*:\s*(.+?)\s*$/i;
const KEY_VALUE = /^\s*[A-Za-z][\w ]*:\s*\S/;

function fan(slot: string, id: string, status: string): Fan {
  const absent = /^absent$/i.test(status);
  return { slot, fan: id, presence: absent ? 'Absent' : '', status, speedPercent: null, ok: /^normal$/i.test(status) };
}

export function parse(text: string): FanReport {
  const lines = outputLines(text, SPEC);
  const fans: Fan[] = [];
  let slot = '';
  let current: Fan | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const scope = SCOPE.exec(line);
    if (scope) {
      slot = (scope[1] as string).replace(/\s+/g, ' ');
      continue;
    }
    const oneLine = FAN_LINE.exec(line);
    if (oneLine) {
      fans.push(fan(slot, oneLine[1] as string, oneLine[2] as string));
      current = null;
      continue;
    }
    const block = FAN_BLOCK.exec(line);
    if (block) {
      current = fan(slot, block[1] as string, '');
      fans.push(current);
      continue;
    }
    const state = STATE.exec(line);
    if (state && current) {
      Object.assign(current, fan(current.slot, current.fan, state[1] as string));
      continue;
    }
    if (KEY_VALUE.test(line) && current) continue; // airflow direction and the like
    throw unexpectedLine(SPEC, line);
  }
  if (fans.length === 0) throw notThisCommand(SPEC, 'no "Fan N" entry');
  return { fans };
}

export const METRICS: readonly MetricSpec[] = FAN_METRICS;

export function metrics(parsed: FanReport): Metrics {
  return fanMetrics(parsed.fans);
}
