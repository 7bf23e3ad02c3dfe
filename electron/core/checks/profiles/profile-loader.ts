import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CheckProfileInfo } from '@shared/domain/checks';
import { OUTPUT_PARSERS } from '../parsers';
import { SNMP_PARSERS } from '../snmp-profiles';

export { defaultProfilesFor, type DefaultProfiles, type ProfileAsset } from './default-profiles';

/*
 * Check profiles are data: resources/profiles/ssh/<id>.json (which commands
 * to send to a vendor's CLI and which parser reads each answer) and
 * resources/profiles/snmp/<id>.json (which SNMP parsers to run; their OIDs
 * are the parsers'). They are read once at start and checked thoroughly,
 * because a typo in a shipped profile would otherwise surface as a failed
 * check on site, far from anyone who can fix it.
 */

const LocalizedText = z.strictObject({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
export type LocalizedText = z.infer<typeof LocalizedText>;
export type ProfileLocale = keyof LocalizedText;

const ProfileId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"').max(60);
const StepId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"').max(60);

/** The paging-off and configuration commands each CLI family understands. */
const DIALECT_COMMANDS = {
  vrp: { pagingOff: 'screen-length 0 temporary', configCommand: 'display current-configuration' },
  comware: { pagingOff: 'screen-length disable', configCommand: 'display current-configuration' },
  ios: { pagingOff: 'terminal length 0', configCommand: 'show running-config' },
  linux: { pagingOff: undefined, configCommand: undefined },
} as const;

export const SshProfile = z.strictObject({
  id: ProfileId,
  kind: z.literal('ssh'),
  name: LocalizedText,
  /** The CLI family: picks the prompt and error recognition of the parsers. */
  dialect: z.enum(['vrp', 'comware', 'ios', 'linux']),
  /** shell: one interactive session, commands typed at the prompt (network gear); exec: one exec channel per command (Linux). */
  mode: z.enum(['shell', 'exec']),
  /** A regular expression for the prompt line that says the device is ready (shell mode). */
  promptPattern: z.string().min(1).max(300).optional(),
  /** Sent once after login so long output is not paged. */
  pagingOff: z.enum(['screen-length 0 temporary', 'screen-length disable', 'terminal length 0']).optional(),
  /** The command that prints the running configuration, for configuration backups. */
  configCommand: z.enum(['display current-configuration', 'show running-config']).optional(),
  /**
   * Environment variables to ask for on each exec channel (SSH "env"
   * requests): LC_ALL=C keeps df and friends in English on a server whose
   * locale is zh_CN. sshd only honours names in its AcceptEnv (Debian and
   * RHEL accept LANG and LC_* by default).
   */
  env: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string().max(200)).optional(),
  steps: z
    .array(
      z.strictObject({
        id: StepId,
        label: LocalizedText,
        command: z.string().trim().min(1).max(200),
        parser: z.string().min(1),
      }),
    )
    .min(1)
    .max(50),
});
export type SshProfile = z.infer<typeof SshProfile>;

export const SnmpProfile = z.strictObject({
  id: ProfileId,
  kind: z.literal('snmp'),
  name: LocalizedText,
  steps: z
    .array(z.strictObject({ id: StepId, label: LocalizedText, parser: z.string().min(1) }))
    .min(1)
    .max(20),
});
export type SnmpProfile = z.infer<typeof SnmpProfile>;

export type CheckProfile = SshProfile | SnmpProfile;

export interface CheckProfiles {
  /** Every profile, SSH ones first, each kind by id. */
  readonly all: readonly CheckProfile[];
  get(id: string): CheckProfile | undefined;
  ssh(id: string): SshProfile | undefined;
  snmp(id: string): SnmpProfile | undefined;
  /** What `checks.profiles` returns: names and step labels in both UI languages. */
  info(): CheckProfileInfo[];
}

/** Everything wrong with the profile files, one line each ("profiles/ssh/x.json: steps[2].parser: ..."). */
export class ProfileError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid check profiles:\n  ${problems.join('\n  ')}`);
    this.name = 'ProfileError';
    this.problems = problems;
  }
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text === '' ? '(file)' : text;
}

function checkSsh(profile: SshProfile, problem: (path: string, message: string) => void): void {
  const expected = DIALECT_COMMANDS[profile.dialect];
  if (profile.pagingOff !== expected.pagingOff) {
    problem('pagingOff', expected.pagingOff === undefined ? `a ${profile.dialect} profile has no paging-off command` : `a ${profile.dialect} device turns paging off with "${expected.pagingOff}"`);
  }
  if (profile.configCommand !== expected.configCommand) {
    problem('configCommand', expected.configCommand === undefined ? `a ${profile.dialect} profile has no configuration command` : `a ${profile.dialect} device prints its configuration with "${expected.configCommand}"`);
  }
  if (profile.mode === 'shell' && profile.promptPattern === undefined) problem('promptPattern', 'shell mode needs the prompt pattern');
  if (profile.promptPattern !== undefined) {
    try {
      new RegExp(profile.promptPattern);
    } catch (error) {
      problem('promptPattern', `not a regular expression: ${(error as Error).message}`);
    }
  }
  profile.steps.forEach((step, i) => {
    const parser = OUTPUT_PARSERS.get(step.parser);
    if (!parser) {
      problem(`steps[${i}].parser`, `unknown SSH output parser "${step.parser}"`);
      return;
    }
    if (parser.dialect !== profile.dialect) problem(`steps[${i}].parser`, `"${step.parser}" reads ${parser.dialect} output, the profile is ${profile.dialect}`);
    if (!parser.commands.includes(step.command)) {
      problem(`steps[${i}].command`, `"${step.command}" is not a command parser ${step.parser} reads (${parser.commands.map((c) => `"${c}"`).join(', ')})`);
    }
  });
}

function checkSnmp(profile: SnmpProfile, problem: (path: string, message: string) => void): void {
  profile.steps.forEach((step, i) => {
    if (!SNMP_PARSERS.has(step.parser)) problem(`steps[${i}].parser`, `unknown SNMP parser "${step.parser}" (known: ${[...SNMP_PARSERS.keys()].join(', ')})`);
  });
}

function jsonFiles(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/**
 * Reads and checks every profile under `<resourcesDir>/profiles/{ssh,snmp}/`.
 * Checks: the JSON parses; the shape (unknown keys refused, so a misspelt
 * field is an error, not ignored); the id equals the file name and the kind
 * the folder; step ids are unique; every parser exists (the SSH registry or
 * the SNMP registry) and an SSH step's parser reads that profile's dialect
 * and the very command the step sends; the paging-off and configuration
 * commands are the dialect's; ids are unique across all files. Every problem
 * in every file is collected, then one ProfileError names them all.
 */
export function loadProfiles(resourcesDir: string): CheckProfiles {
  const problems: string[] = [];
  const profiles: CheckProfile[] = [];
  const seen = new Map<string, string>();

  for (const kind of ['ssh', 'snmp'] as const) {
    const dir = join(resourcesDir, 'profiles', kind);
    for (const file of jsonFiles(dir)) {
      const where = `profiles/${kind}/${file}`;
      const problem = (path: string, message: string) => problems.push(`${where}: ${path}: ${message}`);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        problem('(file)', `not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const result = (kind === 'ssh' ? SshProfile : SnmpProfile).safeParse(json);
      if (!result.success) {
        for (const issue of result.error.issues) problem(pathText(issue.path), issue.message);
        continue;
      }
      const profile = result.data;
      const fileId = file.slice(0, -'.json'.length);
      if (profile.id !== fileId) problem('id', `"${profile.id}" must be the file name ("${fileId}")`);
      const stepIds = profile.steps.map((s) => s.id);
      stepIds.forEach((id, i) => {
        if (stepIds.indexOf(id) !== i) problem(`steps[${i}].id`, `"${id}" is used by another step`);
      });
      if (profile.kind === 'ssh') checkSsh(profile, problem);
      else checkSnmp(profile, problem);
      const other = seen.get(profile.id);
      if (other !== undefined) problem('id', `"${profile.id}" is also the id of ${other}`);
      seen.set(profile.id, where);
      profiles.push(profile);
    }
  }
  if (profiles.length === 0 && problems.length === 0) problems.push(`${join(resourcesDir, 'profiles')}: no profile found (expected ssh/*.json and snmp/*.json)`);
  if (problems.length > 0) throw new ProfileError(problems);

  const byId = new Map(profiles.map((p) => [p.id, p]));
  return {
    all: profiles,
    get: (id) => byId.get(id),
    ssh: (id) => {
      const p = byId.get(id);
      return p?.kind === 'ssh' ? p : undefined;
    },
    snmp: (id) => {
      const p = byId.get(id);
      return p?.kind === 'snmp' ? p : undefined;
    },
    info: () => profiles.map(toProfileInfo),
  };
}

/** A profile as the `checks.profiles` contract shows it: the renderer picks the language. */
export function toProfileInfo(profile: CheckProfile): CheckProfileInfo {
  return {
    id: profile.id,
    kind: profile.kind,
    name: profile.name,
    steps: profile.steps.map((s) => ({ id: s.id, label: s.label })),
  };
}
