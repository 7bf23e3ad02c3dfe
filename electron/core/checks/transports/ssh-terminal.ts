import { cleanTerminalOutput } from '../parsers/clean-terminal-output';
import type { Dialect } from '../parsers/text';

/*
 * What an interactive session on network gear looks like, as text: prompts,
 * pager prompts, the commands that turn paging off and the complaints that
 * say a command was refused. Pure functions over the captured text, so the
 * shell driver in ssh.ts stays small and these rules are tested on their own.
 */

export type PromptStyle = 'bracket' | 'ios' | 'linux' | 'generic';

export interface DetectedPrompt {
  /** The prompt as shown, trailing spaces removed: `<HUAWEI>`, `Switch#`, `bash-5.2$`. */
  text: string;
  style: PromptStyle;
  /** Host name inside the prompt where the style has one (`HUAWEI`, `Switch`). */
  hostname: string | null;
}

/** `<HUAWEI>`, `[~HUAWEI]`, `[*HUAWEI-GigabitEthernet0/0/1]`, `<H3C>`, `HRP_M<FW>`, `RBM_P[H3C]`. */
const BRACKET = /^(?:HRP_[MS]|RBM_[PS])?([<[])([~*]?)([^\s<>[\]]+)([>\]])$/;
/** `Switch>`, `Switch#`, `Switch(config-if)#`, `sw-01.example#`. */
const IOS = /^([A-Za-z0-9][\w.\-/:@]*?)(\([\w.\-/]+\))?([>#])$/;
/** `user@host:~$`, `[root@host ~]#`, `bash-5.2$`, `sh-5.2#`. */
const LINUX = /^(?:\[[^\]\r\n]+\]|[\w.-]+@[\w.-]+(?::[^\s#$]*)?|[\w.-]+-\d+(?:\.\d+)*)[$#]$/;
/** Anything else that ends like a prompt. */
const GENERIC = /[\w.-]+[>#\]$]$/;

/** The visible text of the last line of `raw` (after cursor moves and erasures), trailing spaces removed. */
export function lastVisibleLine(raw: string): string {
  const start = raw.lastIndexOf('\n') + 1;
  const cleaned = cleanTerminalOutput(raw.slice(start));
  return cleaned.slice(cleaned.lastIndexOf('\n') + 1).trimEnd();
}

/** The prompt that `raw` ends with, if it ends with one (nothing but spaces after it). */
export function detectPrompt(raw: string): DetectedPrompt | null {
  const line = lastVisibleLine(raw).trim();
  if (line === '' || line.length > 200) return null;
  const bracket = BRACKET.exec(line);
  if (bracket) return { text: line, style: 'bracket', hostname: bracket[3] ?? null };
  if (LINUX.test(line)) return { text: line, style: 'linux', hostname: null };
  const ios = IOS.exec(line);
  if (ios) return { text: line, style: 'ios', hostname: ios[1] ?? null };
  if (GENERIC.test(line)) return { text: line, style: 'generic', hostname: null };
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The prompts the same device may show later in the session: other views
 * (`[HUAWEI]`, `[~HUAWEI-GigabitEthernet0/0/1]`), privilege levels
 * (`Switch#`), configuration modes (`Switch(config)#`).
 */
export function promptFamily(prompt: DetectedPrompt): RegExp {
  switch (prompt.style) {
    case 'bracket': {
      const host = escapeRegExp(prompt.hostname ?? '');
      return new RegExp(`^(?:HRP_[MS]|RBM_[PS])?[<[][~*]?${host}(?:-[^\\s<>[\\]]*)?[>\\]]$`);
    }
    case 'ios': {
      const host = escapeRegExp(prompt.hostname ?? '');
      return new RegExp(`^${host}(?:\\([\\w.\\-/]+\\))?[>#]$`);
    }
    case 'linux':
      return LINUX;
    default:
      return GENERIC;
  }
}

/** Does `raw` end with a prompt of this family? */
export function endsWithPrompt(raw: string, family: RegExp): boolean {
  const line = lastVisibleLine(raw).trim();
  return line !== '' && family.test(line);
}

/*
 * Pager prompts: `  ---- More ----` (VRP, Comware), ` --More-- ` (IOS),
 * `<--- More --->`, `-- More --`, `(more)`, `More: <space>, Quit: q ...`
 * (ProCurve), `Press any key to continue` (ProCurve, some UPS cards).
 * Matched at the very end of the unanswered output only, with escapes and
 * backspaces removed.
 */
const PAGER_AT_END =
  /(?:-{2,}\s*\(?\s*More\b[^\n]*?-{2,}(?:,[^\n]*)?|<-{2,}\s*More\s*-{2,}>|\(more(?:\s+\d+%)?\)|\bMore:\s[^\n]*|Press any key to continue[^\n]*)\s*$/i;

/** Removes escape sequences and control characters (keeps the text a pager prompt is made of). */
export function stripControls(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;?]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b./g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x09\x0b-\x1f\x7f]/g, '')
  );
}

/** Does the not-yet-answered output end in a pager prompt? */
export function endsWithPager(unanswered: string): boolean {
  const tail = stripControls(unanswered.slice(-400));
  const lastLine = tail.slice(tail.lastIndexOf('\n') + 1);
  return PAGER_AT_END.test(lastLine);
}

/** VRP's first-login nag ("The password needs to be changed. Change now? [Y/N]:"): answered N. */
export function endsWithChangePasswordQuestion(raw: string): boolean {
  return /Change now\?\s*\[Y\/N\]\s*:?\s*$/i.test(stripControls(raw.slice(-200)));
}

/** Cisco `enable`: the password question. */
export function endsWithPasswordQuestion(raw: string): boolean {
  return /(?:^|\n|\r)\s*Password:\s*$/i.test(stripControls(raw.slice(-200)));
}

/**
 * Why `enable` did not give privileged EXEC, in the device's words: IOS with
 * a local secret asks "Password:" three times and then says "% Bad secrets";
 * with AAA it says "% Access denied" (or "% Authentication failed"); without
 * any enable secret configured, "% No password set". null when the device
 * only asked again.
 */
export function enableRefusal(raw: string): string | null {
  const lines = cleanTerminalOutput(raw).split('\n');
  for (const line of lines) if (/^\s*%\s*(?:Bad secrets|Access denied|Authentication failed|No password set|Error in authentication)/i.test(line)) return line.trim();
  return null;
}

/** A line saying the command was refused (unknown, incomplete, ambiguous, not permitted). */
const REFUSED = [
  /^\s*Error\s*:/i,
  /^\s*%\s*(?:Unrecognized|Invalid input|Incomplete command|Ambiguous command|Unknown command|Too many|Wrong parameter|Permission denied|Command authorization failed)/i,
  /^\s*%\s*Bad secrets/i,
  /^\s*(?:Permission denied|Access denied)\.?\s*$/i,
];

export function refusedLine(output: string): string | null {
  for (const line of output.split('\n')) if (REFUSED.some((re) => re.test(line))) return line.trim();
  return null;
}

/** The commands that turn paging off, in the order tried. `<name>` prompts are VRP or Comware: both are tried. */
export function pagingOffCommands(dialect: Dialect | 'auto', prompt: DetectedPrompt): string[] {
  switch (dialect) {
    case 'vrp':
      return ['screen-length 0 temporary'];
    case 'comware':
      return ['screen-length disable'];
    case 'ios':
      return ['terminal length 0'];
    case 'linux':
      return [];
    default:
      if (prompt.style === 'bracket') return ['screen-length 0 temporary', 'screen-length disable'];
      if (prompt.style === 'ios') return ['terminal length 0'];
      return [];
  }
}

/**
 * One command's capture as text: the terminal replayed (pager prompts and
 * their erasure gone, CR LF → LF, trailing spaces removed), without the
 * echoed command line before it and the prompt after it.
 */
export function commandOutput(raw: string, command: string, family: RegExp): string {
  const lines = cleanTerminalOutput(raw).split('\n');
  if (lines.length > 0 && family.test((lines[lines.length - 1] as string).trim())) lines.pop();
  const first = (lines[0] ?? '').trim();
  const typed = command.trim();
  // The echo, possibly with a prompt in front when the device redraws the line.
  if (lines.length > 0 && typed !== '' && (first === typed || first.endsWith(typed))) lines.shift();
  return lines.join('\n');
}
