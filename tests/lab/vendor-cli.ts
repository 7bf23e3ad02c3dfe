/**
 * The TypeScript side of the vendor CLI emulator (vendor-cli.py): which
 * platforms it plays, what their prompts and pagers look like, and which
 * recorded output file answers which command — the single rule the emulator
 * is driven with (lab.ts writes the mapping to a JSON file the emulator reads),
 * so tests can compare what came over SSH with `outputPath(...)`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VENDOR_PLATFORMS = ['huawei_vrp', 'hp_comware', 'cisco_ios'] as const;
export type VendorPlatform = (typeof VENDOR_PLATFORMS)[number];

export interface VendorBehaviour {
  /** Prompt after login (Cisco starts in user EXEC; `enable` gives `Switch#`). */
  prompt: string;
  /** The privileged prompt (Cisco only; the same as prompt elsewhere). */
  privilegedPrompt: string;
  /** The pager prompt as written, and the bytes written after a key to erase it. */
  pager: string;
  pagerErase: string;
  /** What turns paging off for the session. */
  disablePaging: string;
  /** The first line of the complaint about an unknown keyword (after the caret line, where there is one). */
  unrecognized: string;
  /** Ends the session. */
  quit: string;
}

export const VENDOR_BEHAVIOUR: Record<VendorPlatform, VendorBehaviour> = {
  huawei_vrp: {
    prompt: '<HUAWEI>',
    privilegedPrompt: '<HUAWEI>',
    pager: '  ---- More ----',
    pagerErase: `\x1b[42D${' '.repeat(42)}\x1b[42D`,
    disablePaging: 'screen-length 0 temporary',
    unrecognized: "Error: Unrecognized command found at '^' position.",
    quit: 'quit',
  },
  hp_comware: {
    prompt: '<H3C>',
    privilegedPrompt: '<H3C>',
    pager: '  ---- More ----',
    pagerErase: `\x1b[16D${' '.repeat(16)}\x1b[16D`,
    disablePaging: 'screen-length disable',
    unrecognized: " % Unrecognized command found at '^' position.",
    quit: 'quit',
  },
  cisco_ios: {
    prompt: 'Switch>',
    privilegedPrompt: 'Switch#',
    pager: ' --More-- ',
    pagerErase: `${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}`,
    disablePaging: 'terminal length 0',
    // An unknown first word; an unknown later word gets "% Invalid input detected at '^' marker.".
    unrecognized: '% Unknown command or computer name, or unable to find computer address',
    quit: 'exit',
  },
};

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VENDOR_CLI_SCRIPT = fileURLToPath(new URL('./vendor-cli.py', import.meta.url));

function hasPlatforms(dir: string): boolean {
  return VENDOR_PLATFORMS.some((platform) => existsSync(join(dir, platform)));
}

/**
 * Where recorded device output is read from: the explicit option, else
 * $WALKDOWN_DEVICE_OUTPUT, else the project's copy (tests/fixtures/device-output),
 * else the shared originals beside the repository (../shared/fixtures/device-output).
 */
export function resolveFixturesDir(explicit?: string): string {
  const candidates = [
    explicit,
    process.env.WALKDOWN_DEVICE_OUTPUT,
    join(REPO_ROOT, 'tests', 'fixtures', 'device-output'),
    resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'device-output'),
  ].filter((dir): dir is string => typeof dir === 'string' && dir.length > 0);
  for (const dir of candidates) if (hasPlatforms(dir)) return resolve(dir);
  throw new Error(`walkdown lab: no recorded device output found (looked in ${candidates.join(', ')})`);
}

/** Per platform, command folder -> file name to answer with (instead of the default rule). */
export type VendorSelection = Partial<Record<VendorPlatform, Record<string, string>>>;
/** Per platform, extra or replacing commands: command line as typed in full (`display cpu-usage`) -> file. */
export type VendorCommands = Partial<Record<VendorPlatform, Record<string, string>>>;

/** `display_interface_brief` -> `display interface brief`; `  sh  ver ` -> `sh ver`. */
export function commandLine(command: string): string {
  return command.replace(/_/g, ' ').trim().replace(/\s+/g, ' ');
}

/**
 * command line (e.g. `display version`, from the folder `display_version`) ->
 * absolute path of the file that answers it: the selection if given, else
 * `<platform>_<command>.raw`, else the first .raw in name order; then `extra`
 * (explicit command lines, e.g. hand-written samples) added on top.
 */
export function commandFiles(fixturesDir: string, platform: VendorPlatform, selection: VendorSelection = {}, extra: VendorCommands = {}): Record<string, string> {
  const folder = join(fixturesDir, platform);
  const result: Record<string, string> = {};
  if (existsSync(folder)) {
    for (const command of readdirSync(folder).sort()) {
      const dir = join(folder, command);
      if (!statSync(dir).isDirectory()) continue;
      const raws = readdirSync(dir)
        .filter((name) => name.endsWith('.raw'))
        .sort();
      const chosen = selection[platform]?.[command];
      const preferred = `${platform}_${command}.raw`;
      const file = chosen ?? (raws.includes(preferred) ? preferred : raws[0]);
      if (file !== undefined) result[commandLine(command)] = join(dir, file);
    }
  }
  for (const [line, file] of Object.entries(extra[platform] ?? {})) {
    if (!existsSync(file)) throw new Error(`walkdown lab: ${platform} '${line}': no file ${file}`);
    result[line.trim().replace(/\s+/g, ' ')] = resolve(file);
  }
  return result;
}

/** The lines a command's recorded output consists of, as the emulator sends them (each then ends in CR LF). */
export function recordedLines(path: string): string[] {
  let text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return text.split('\n');
}

