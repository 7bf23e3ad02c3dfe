import { describe, expect, it } from 'vitest';
import {
  commandOutput,
  detectPrompt,
  enableRefusal,
  endsWithChangePasswordQuestion,
  endsWithPager,
  endsWithPasswordQuestion,
  endsWithPrompt,
  pagingOffCommands,
  promptFamily,
  refusedLine,
} from './ssh-terminal';

const HUAWEI_PAGER = '  ---- More ----';
const HUAWEI_ERASE = `\x1b[42D${' '.repeat(42)}\x1b[42D`;
const CISCO_PAGER = ' --More-- ';
const CISCO_ERASE = `${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}`;

describe('detectPrompt', () => {
  it.each([
    ['\r\nInfo: The max number of VTY users is 10.\r\n<HUAWEI>', '<HUAWEI>', 'bracket', 'HUAWEI'],
    ['\r\n[~HUAWEI]', '[~HUAWEI]', 'bracket', 'HUAWEI'],
    ['HRP_M<FW-01>', 'HRP_M<FW-01>', 'bracket', 'FW-01'],
    ['***\r\n\r\n<H3C>', '<H3C>', 'bracket', 'H3C'],
    ['\r\nSwitch>', 'Switch>', 'ios', 'Switch'],
    ['core-sw01.example#', 'core-sw01.example#', 'ios', 'core-sw01.example'],
    ['Switch(config-if)#', 'Switch(config-if)#', 'ios', 'Switch'],
    ['\x1b[?2004hbash-5.2$ ', 'bash-5.2$', 'linux', null],
    ['Last login: x\r\nops@web-01:~$ ', 'ops@web-01:~$', 'linux', null],
    ['[root@db-01 ~]# ', '[root@db-01 ~]#', 'linux', null],
  ])('%j → %s', (raw, text, style, hostname) => {
    expect(detectPrompt(raw)).toEqual({ text, style, hostname });
  });

  it('is not fooled by banner lines or text that merely continues', () => {
    expect(detectPrompt('Info: The max number of VTY users is 10, and the number\r\n')).toBeNull();
    expect(detectPrompt('<HUAWEI>display version')).toBeNull();
    expect(detectPrompt('')).toBeNull();
    expect(detectPrompt('Password: ')).toBeNull();
  });
});

describe('promptFamily', () => {
  it('VRP: other views of the same device', () => {
    const family = promptFamily(detectPrompt('<HUAWEI>')!);
    for (const p of ['<HUAWEI>', '[HUAWEI]', '[~HUAWEI]', '[*HUAWEI-GigabitEthernet0/0/1]']) expect(family.test(p), p).toBe(true);
    for (const p of ['<H3C>', 'HUAWEI#', '<HUAWEIX>']) expect(family.test(p), p).toBe(false);
  });

  it('IOS: privilege levels and configuration modes', () => {
    const family = promptFamily(detectPrompt('Switch>')!);
    for (const p of ['Switch>', 'Switch#', 'Switch(config)#']) expect(family.test(p), p).toBe(true);
    expect(family.test('Router#')).toBe(false);
    expect(endsWithPrompt('show version\r\nline\r\nSwitch#', family)).toBe(true);
    expect(endsWithPrompt('show version\r\n', family)).toBe(false);
  });
});

describe('pagers', () => {
  it('recognises each vendor pager at the end of the unanswered output only', () => {
    expect(endsWithPager(`line 22\r\nline 23\r\n${HUAWEI_PAGER}`)).toBe(true);
    expect(endsWithPager(`line 23\r\n${CISCO_PAGER}`)).toBe(true);
    expect(endsWithPager('line\r\n<--- More --->')).toBe(true);
    expect(endsWithPager('-- MORE --, next page: Space, next line: Enter, quit: Control-C')).toBe(true);
    expect(endsWithPager('Press any key to continue (Q to quit)')).toBe(true);
    // Answered: the erasure alone must not count as a new pager.
    expect(endsWithPager(HUAWEI_ERASE)).toBe(false);
    expect(endsWithPager(CISCO_ERASE)).toBe(false);
    expect(endsWithPager(`${HUAWEI_PAGER}${HUAWEI_ERASE}next line\r\n`)).toBe(false);
    expect(endsWithPager('Description: more than ten ports\r\n')).toBe(false);
  });

  it('commandOutput replays the erasures: the pages join into the original lines', () => {
    const raw = `display x\r\nline 1\r\n  indented 2\r\n${HUAWEI_PAGER}${HUAWEI_ERASE}  indented 3\r\nline 4\r\n<HUAWEI>`;
    expect(commandOutput(raw, 'display x', promptFamily(detectPrompt('<HUAWEI>')!))).toBe('line 1\n  indented 2\n  indented 3\nline 4');
    const cisco = `show x\r\na\r\n${CISCO_PAGER}${CISCO_ERASE}b\r\nSwitch#`;
    expect(commandOutput(cisco, 'show x', promptFamily(detectPrompt('Switch#')!))).toBe('a\nb');
  });

  it('commandOutput keeps a first line that is not the echo', () => {
    expect(commandOutput('output only\r\n<H3C>', 'display x', promptFamily(detectPrompt('<H3C>')!))).toBe('output only');
  });
});

describe('questions and refusals', () => {
  it('VRP first-login password nag and the enable password question', () => {
    expect(endsWithChangePasswordQuestion('The password needs to be changed. Change now? [Y/N]:')).toBe(true);
    expect(endsWithPasswordQuestion('enable\r\nPassword: ')).toBe(true);
    expect(endsWithPasswordQuestion('Password policy: strong\r\n')).toBe(false);
  });

  it('enableRefusal quotes why enable failed, in the device\'s words', () => {
    expect(enableRefusal('\r\n% Bad secrets\r\n\r\nSwitch>')).toBe('% Bad secrets');
    expect(enableRefusal('\r\n% Access denied\r\n\r\nSwitch>')).toBe('% Access denied');
    expect(enableRefusal('enable\r\n% No password set\r\nSwitch>')).toBe('% No password set');
    expect(enableRefusal('\r\n% Authentication failed\r\nrouter>')).toBe('% Authentication failed');
    // Only asked again, or nothing said: no quote (the caller says "asked again").
    expect(enableRefusal('\r\nPassword: ')).toBeNull();
    expect(enableRefusal('\r\nSwitch>')).toBeNull();
  });

  it('refusedLine finds each vendor complaint', () => {
    expect(refusedLine("     ^\nError: Unrecognized command found at '^' position.")).toContain('Error:');
    expect(refusedLine(" % Unrecognized command found at '^' position.")).toContain('Unrecognized');
    expect(refusedLine("% Invalid input detected at '^' marker.")).toContain('Invalid input');
    expect(refusedLine('Info: The configuration takes effect on the current user terminal interface only.')).toBeNull();
  });

  it('paging-off commands by dialect, and both VRP and Comware for an unknown <name> prompt', () => {
    const bracket = detectPrompt('<X>')!;
    expect(pagingOffCommands('vrp', bracket)).toEqual(['screen-length 0 temporary']);
    expect(pagingOffCommands('comware', bracket)).toEqual(['screen-length disable']);
    expect(pagingOffCommands('auto', bracket)).toEqual(['screen-length 0 temporary', 'screen-length disable']);
    expect(pagingOffCommands('auto', detectPrompt('Switch>')!)).toEqual(['terminal length 0']);
    expect(pagingOffCommands('auto', detectPrompt('bash-5.2$')!)).toEqual([]);
  });
});
