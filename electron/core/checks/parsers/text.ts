import { cleanTerminalOutput } from './clean-terminal-output';
import { ParseError } from './parse-error';

/** The CLI family whose prompts and error messages a parser has to recognise. */
export type Dialect = 'vrp' | 'comware' | 'ios' | 'linux';

export interface CommandSpec {
  /** Registry id, used in errors. */
  parserId: string;
  dialect: Dialect;
  /** The command lines this parser reads, e.g. ['display version']; used to drop the echoed command. */
  commands: readonly string[];
  /** No output at all is a valid answer (`systemctl --failed`: nothing failed). Otherwise empty output is refused. */
  allowEmpty?: boolean;
}

/*
 * Prompts. Only recognised as the first lines (prompt + echoed command) or
 * the last lines (the prompt printed after the output): a data line never
 * has to compete with them.
 */
const PROMPTS: Record<Dialect, RegExp> = {
  // <HUAWEI>, [HUAWEI], [~HUAWEI], [*HUAWEI-GigabitEthernet0/0/1], HRP_M<FW>
  vrp: /^(?:HRP_[MS])?[<[][~*]?[^\s<>[\]]+[>\]]/,
  comware: /^(?:RBM_[PS])?[<[][^\s<>[\]]+[>\]]/,
  // Switch#, Switch>, Switch(config)#, sw-01.example#
  ios: /^[A-Za-z0-9][\w.\-/:@]*(?:\([\w.\-/]+\))?[#>]/,
  // user@host:~$, [root@host ~]#, bare $ or #
  linux: /^(?:\[[^\]\s]+@[^\]]+\][#$]|[\w.-]+@[\w.-]+(?::[^\s#$]*)?[#$]|[#$](?=\s|$))/,
};

/*
 * What a device prints instead of output when it refused the command. Checked
 * on every line: one of them anywhere means the text is not our command's output.
 */
const CLI_ERRORS: Record<Dialect, RegExp[]> = {
  vrp: [
    /^\s*Error\s*:/i,
    /^\s*%\s*(?:Unrecognized|Incomplete|Ambiguous|Too many|Wrong)/i,
  ],
  comware: [
    /^\s*%\s*(?:Unrecognized|Incomplete|Ambiguous|Too many|Wrong|Unknown|Permission|Invalid)/i,
    /^\s*Error\s*:/i,
    /^\s*Permission denied\.?$/i,
  ],
  ios: [
    /^\s*%\s*(?:Invalid input|Incomplete command|Ambiguous command|Unrecognized command|Unknown command|Bad|Type "show \?"|Command authorization failed|This command is not supported|Command rejected)/i,
    /^\s*%\s*Error/i,
  ],
  linux: [
    /(?:^|:\s)command not found$/i,
    /^(?:\S+:\s*)?(?:\d+:\s*)?\S+: not found$/,
    /: No such file or directory$/,
    /: (?:invalid|unrecognized) option/i,
    /: Permission denied$/,
    /^Usage: /,
    /^Failed to (?:connect|list|get)/,
    /^System has not been booted with systemd/,
  ],
};

/** Does `line` (after its prompt) look like an echo of `command`, allowing CLI abbreviations (`dis ver`, `sh inv`)? */
function isEcho(line: string, commands: readonly string[]): boolean {
  const words = line.trim().split(/\s+/).map((w) => w.toLowerCase());
  if (words.length === 0 || words[0] === '') return false;
  return commands.some((command) => {
    const expected = command.toLowerCase().split(/\s+/);
    // Every word the user typed must abbreviate the command's word in that position
    // (extra words: options or a pipe filter the caller added).
    return words.length >= Math.min(2, expected.length) && expected.slice(0, words.length).every((w, i) => w.startsWith(words[i] as string) && (words[i] as string).length > 0);
  });
}

/**
 * Cleans a capture and returns its lines without the echoed command line,
 * the prompts around it, leading and trailing blank lines. Throws a
 * ParseError when the device answered with a CLI error.
 */
export function outputLines(text: string, spec: CommandSpec): string[] {
  const lines = cleanTerminalOutput(text).split('\n');
  const prompt = PROMPTS[spec.dialect];

  // Leading: blank lines, prompt(+echo) lines, a bare echo of the command.
  let start = 0;
  while (start < lines.length) {
    const line = (lines[start] as string).trim();
    if (line === '') {
      start += 1;
      continue;
    }
    const promptMatch = prompt.exec(line);
    const rest = promptMatch ? line.slice(promptMatch[0].length).trim() : line;
    if (promptMatch && (rest === '' || isEcho(rest, spec.commands))) {
      start += 1;
      continue;
    }
    if (!promptMatch && isEcho(rest, spec.commands)) {
      start += 1;
      continue;
    }
    break;
  }
  // Trailing: blank lines and bare prompts.
  let end = lines.length;
  while (end > start) {
    const line = (lines[end - 1] as string).trim();
    const promptMatch = prompt.exec(line);
    if (line === '' || (promptMatch && line.slice(promptMatch[0].length).trim() === '')) end -= 1;
    else break;
  }
  const body = lines.slice(start, end);
  if (body.length === 0 && spec.allowEmpty !== true) {
    throw new ParseError(`${spec.parserId}: empty output from "${spec.commands[0] ?? ''}"`, { parserId: spec.parserId, reason: 'empty' });
  }

  for (const line of body) {
    if (CLI_ERRORS[spec.dialect].some((re) => re.test(line))) {
      throw new ParseError(`${spec.parserId}: the device refused the command: ${line.trim()}`, { parserId: spec.parserId, reason: 'cli-error', line });
    }
  }
  return body;
}

export function notThisCommand(spec: CommandSpec, what: string, line?: string): ParseError {
  const details = line === undefined ? { parserId: spec.parserId, reason: 'not-this-command' as const } : { parserId: spec.parserId, reason: 'not-this-command' as const, line };
  return new ParseError(`${spec.parserId}: not the output of "${spec.commands[0] ?? ''}" (${what})`, details);
}

export function unexpectedLine(spec: CommandSpec, line: string): ParseError {
  return new ParseError(`${spec.parserId}: unexpected line in the output of "${spec.commands[0] ?? ''}": ${line.trim().slice(0, 120)}`, {
    parserId: spec.parserId,
    reason: 'unexpected-line',
    line,
  });
}

/** A whole decimal or a decimal fraction; anything else is not a number here. */
export function num(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** "38%" or "0.38%" → number; anything else → null. */
export function percent(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

const UNIT_SECONDS: Record<string, number> = {
  year: 365 * 86_400,
  week: 7 * 86_400,
  day: 86_400,
  hour: 3_600,
  minute: 60,
  second: 1,
};

/**
 * "161 days, 0 hour, 20 minutes", "2 years, 31 weeks, 6 days, 9 hours, 55 minutes",
 * "0 weeks,2 days,4 hours,36 minutes" → seconds. A year counts 365 days (the
 * devices count uptime in these units themselves; nobody prints leap years).
 * Null when the text is not such a list.
 */
export function durationSeconds(text: string): number | null {
  const parts = text.trim().replace(/\.$/, '').split(/\s*,\s*/);
  if (parts.length === 0 || parts[0] === '') return null;
  let total = 0;
  for (const part of parts) {
    const m = /^(\d+)\s*(year|week|day|hour|minute|second)s?$/i.exec(part);
    if (!m) return null;
    total += Number(m[1]) * (UNIT_SECONDS[(m[2] as string).toLowerCase()] as number);
  }
  return total;
}

/** Splits a table row on runs of whitespace. */
export function cells(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/** A line made of dashes, equals signs or "- - -" only. */
export function isRule(line: string): boolean {
  return /^\s*(?:[-=]\s?){3,}\s*$/.test(line);
}

/** Like {@link cells}, but a "(...)" group with spaces stays one cell: "CMU(MPU 9)". */
export function cellsKeepingParens(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const token of cells(line)) {
    if (depth > 0 && out.length > 0) out[out.length - 1] += ` ${token}`;
    else out.push(token);
    for (const ch of token) {
      if (ch === '(') depth += 1;
      else if (ch === ')') depth = Math.max(0, depth - 1);
    }
  }
  return out;
}

/** "-", "--", "NA", "N/A" and empty cells: the device printed no value. */
export function isNoValue(cell: string | undefined): boolean {
  return cell === undefined || /^(?:-+|NA|N\/A|n\/a|)$/.test(cell.trim());
}

/**
 * Reads a table whose header cells are single words and whose rows have one
 * cell per header cell, from the line after `headerIndex` to the first blank
 * line (rules skipped). Rows come back keyed by header cell. A row with the
 * wrong number of cells is an unexpected line: better refuse than shift columns.
 */
export function readTable(
  lines: readonly string[],
  headerIndex: number,
  spec: CommandSpec,
  options: { split?: (line: string) => string[] } = {},
): { header: string[]; rows: Array<Record<string, string>>; end: number } {
  const split = options.split ?? cells;
  const header = cells(lines[headerIndex] ?? '');
  const rows: Array<Record<string, string>> = [];
  let i = headerIndex + 1;
  for (; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      if (rows.length > 0) break;
      continue;
    }
    if (isRule(line)) continue;
    const row = split(line);
    if (row.length !== header.length) throw unexpectedLine(spec, line);
    rows.push(Object.fromEntries(header.map((name, k) => [name, row[k] as string])));
  }
  return { header, rows, end: i };
}
