import { describe, expect, it } from 'vitest';
import { cleanTerminalOutput } from './clean-terminal-output';

describe('cleanTerminalOutput', () => {
  it('turns CRLF and lone LF into plain lines and drops trailing spaces', () => {
    expect(cleanTerminalOutput('a  \r\nb\t\r\n\r\nc   \n')).toBe('a\nb\n\nc');
  });

  it('keeps leading indentation and inner spacing', () => {
    expect(cleanTerminalOutput('Eth-Trunk1   up\n  GE0/0/1    up\n')).toBe('Eth-Trunk1   up\n  GE0/0/1    up');
  });

  it('erases a Huawei / H3C pager prompt the way the terminal did, keeping the next line indented', () => {
    const more = '  ---- More ----\x1b[42D                                          \x1b[42D';
    expect(cleanTerminalOutput(`Eth-Trunk2   up   up\r\n${more}  GigabitEthernet8/1/16   up   up\r\n`)).toBe('Eth-Trunk2   up   up\n  GigabitEthernet8/1/16   up   up');
  });

  it('erases a shorter ESC[16D pager prompt (H3C)', () => {
    const more = '  ---- More ----\x1b[16D                \x1b[16D';
    expect(cleanTerminalOutput(`GE1/0/1 UP\n${more}GE1/0/2 DOWN\n`)).toBe('GE1/0/1 UP\nGE1/0/2 DOWN');
  });

  it('erases a Cisco --More-- prompt done with backspaces', () => {
    const more = ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b';
    expect(cleanTerminalOutput(`Gi1/0/1   connected\n${more}Gi1/0/2   notconnect\n`)).toBe('Gi1/0/1   connected\nGi1/0/2   notconnect');
  });

  it('removes pager prompts that survived as text in a capture that lost its escapes', () => {
    expect(cleanTerminalOutput('line 1\n  ---- More ----\nline 2\n --More-- \nline 3\n<--- More --->\nline 4')).toBe('line 1\n\nline 2\n\nline 3\n\nline 4');
    expect(cleanTerminalOutput('  ---- More ----                          GigabitEthernet0/0/2 up')).toBe('GigabitEthernet0/0/2 up');
  });

  it('replays a lone CR as a return to column 0', () => {
    expect(cleanTerminalOutput('progress 10%\rprogress 100%\n')).toBe('progress 100%');
    expect(cleanTerminalOutput('abcdef\r\x1b[Kxyz\n')).toBe('xyz');
  });

  it('applies erase-in-line and cursor moves, drops colours, titles and other control characters', () => {
    expect(cleanTerminalOutput('\x1b[1;32mUP\x1b[0m \x1b[31mDOWN\x1b[m\n')).toBe('UP DOWN');
    expect(cleanTerminalOutput('\x1b]0;admin@host: ~\x07prompt$ \n')).toBe('prompt$');
    expect(cleanTerminalOutput('abc\x1b[2Kxyz\n')).toBe('   xyz');
    expect(cleanTerminalOutput('abcdef\x1b[3Dxy\n')).toBe('abcxyf');
    expect(cleanTerminalOutput('ab\x1b[3Ccd\n')).toBe('ab   cd');
    expect(cleanTerminalOutput('abcdef\x1b[1Gz\n')).toBe('zbcdef');
    expect(cleanTerminalOutput('a\x07b\x00c\x0fd\n')).toBe('abcd');
    expect(cleanTerminalOutput('\x1b(Bplain\n')).toBe('plain');
  });

  it('never moves before column 0', () => {
    expect(cleanTerminalOutput('ab\b\b\b\bX\n')).toBe('Xb');
    expect(cleanTerminalOutput('ab\x1b[99DX\n')).toBe('Xb');
  });

  it('handles empty input and input without a final newline', () => {
    expect(cleanTerminalOutput('')).toBe('');
    expect(cleanTerminalOutput('one\ntwo')).toBe('one\ntwo');
  });

  it('leaves a truncated escape sequence at the very end harmless', () => {
    expect(cleanTerminalOutput('text\x1b')).toBe('text');
    expect(cleanTerminalOutput('text\x1b[')).toBe('text');
    expect(cleanTerminalOutput('text\x1b[12')).toBe('text');
  });
});
