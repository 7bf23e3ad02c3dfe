import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PARSERS, type OutputParser } from './index';
import { ParseError } from './parse-error';
import { samplesByParser } from './testing/samples';
import type { Dialect } from './text';

/*
 * What an interactive SSH session really hands a parser: the prompt and the
 * echoed (maybe abbreviated) command, CRLF line ends, pager prompts in the
 * middle, trailing spaces, the prompt again at the end. Every parser must
 * give the same value as for the clean text; and must refuse, with a
 * ParseError, CLI errors, empty output and every other command's output.
 */

const samples = samplesByParser();
const parsers = [...OUTPUT_PARSERS.values()];

const PROMPT: Record<Dialect, string> = { vrp: '<HUAWEI-CORE>', comware: '[H3C-S6850]', ios: 'SW-ACC-01#', linux: 'admin@web-01:~$ ' };
const PAGER: Record<Dialect, string> = {
  vrp: '  ---- More ----\x1b[42D                                          \x1b[42D',
  comware: '---- More ----\x1b[16D                \x1b[16D',
  ios: ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b',
  linux: '',
};
const CLI_ERROR: Record<Dialect, string[]> = {
  vrp: ["              ^\nError: Unrecognized command found at '^' position.", 'Error: Wrong parameter found at \'^\' position.', 'Error: Incomplete command found at \'^\' position.'],
  comware: ["                  ^\n % Unrecognized command found at '^' position.", " % Too many parameters found at '^' position.", ' % Incomplete command found at \'^\' position.'],
  ios: ["                   ^\n% Invalid input detected at '^' marker.", '% Incomplete command.', '% Ambiguous command:  "show env"'],
  linux: ['bash: line 1: sometool: command not found', 'sh: 1: sometool: not found', 'cat: /proc/nothing: No such file or directory'],
};

function abbreviate(command: string, dialect: Dialect): string {
  return dialect === 'linux' ? command : command.split(' ').map((w) => w.slice(0, 3)).join(' ');
}

/** The clean text as an interactive shell would have captured it. */
function asCaptured(text: string, parser: OutputParser, abbreviated: boolean): string {
  const prompt = PROMPT[parser.dialect];
  const command = parser.commands[0] as string;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const middle = Math.floor(lines.length / 2);
  const body = lines.map((line, i) => `${i === middle && i > 0 ? PAGER[parser.dialect] : ''}${line}  `);
  return [`${prompt}${abbreviated ? abbreviate(command, parser.dialect) : command}`, ...body, prompt].join('\r\n');
}

const cases = parsers.flatMap((parser) => (samples.get(parser.id) ?? []).map((file) => ({ id: parser.id, parser, file, name: `${parser.id} ${basename(file)}` })));

describe('parser robustness', () => {
  it('every registered parser has samples', () => {
    for (const parser of parsers) expect(samples.get(parser.id)?.length ?? 0, parser.id).toBeGreaterThan(0);
  });

  it.each(cases)('$name: same value from a captured session; metrics as declared', ({ parser, file }) => {
    const clean = readFileSync(file, 'utf8');
    const parsed = parser.parse(clean);
    expect(() => parser.schema.parse(parsed)).not.toThrow();
    expect(parser.parse(asCaptured(clean, parser, false))).toEqual(parsed);
    expect(parser.parse(asCaptured(clean, parser, true))).toEqual(parsed);

    const metrics = parser.metrics(parsed);
    const specs = new Map(parser.metricSpecs.map((m) => [m.name, m]));
    for (const [name, value] of Object.entries(metrics)) {
      const spec = specs.get(name);
      expect(spec, `${parser.id} returns undeclared metric ${name}`).toBeDefined();
      expect(typeof value, name).toBe(spec?.kind === 'number' ? 'number' : 'string');
      if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true);
    }
  });

  it.each(parsers.map((p) => ({ id: p.id, parser: p })))('$id refuses CLI errors with check.parse-failed', ({ parser }) => {
    for (const error of CLI_ERROR[parser.dialect]) {
      const text = `${PROMPT[parser.dialect]}${parser.commands[0] as string}\r\n${error}\r\n${PROMPT[parser.dialect]}`;
      let thrown: unknown;
      try {
        parser.parse(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, error).toBeInstanceOf(ParseError);
      expect((thrown as ParseError).code).toBe('check.parse-failed');
      expect((thrown as ParseError).details).toMatchObject({ parserId: parser.id, reason: 'cli-error' });
    }
  });

  it.each(parsers.filter((p) => p.id !== 'linux.systemctl-failed').map((p) => ({ id: p.id, parser: p })))('$id refuses empty output', ({ parser }) => {
    for (const text of ['', '\r\n  \r\n', `${PROMPT[parser.dialect]}${parser.commands[0] as string}\r\n${PROMPT[parser.dialect]}`]) {
      expect(() => parser.parse(text)).toThrow(expect.objectContaining({ code: 'check.parse-failed', details: { parserId: parser.id, reason: 'empty' } }));
    }
  });

  it.each(parsers.map((p) => ({ id: p.id, parser: p })))('$id refuses every other command’s output', ({ parser }) => {
    const accepted: string[] = [];
    for (const [otherId, files] of samples) {
      if (otherId === parser.id) continue;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        if (text.trim() === '') continue; // "no failed unit" is empty: nothing to refuse
        try {
          parser.parse(text);
          accepted.push(`${otherId}: ${basename(file)}`);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});
