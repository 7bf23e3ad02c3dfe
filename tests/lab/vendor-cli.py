#!/usr/bin/python3
"""Walkdown lab: a switch CLI emulator that an sshd runs as ForceCommand.

It plays Huawei VRP, H3C/HPE Comware or Cisco IOS well enough to exercise an
SSH check runner's interactive-shell path the way a real switch does: the
vendor's prompt, its own echo and line editing on a raw pty, the pager prompt
and the exact bytes the vendor uses to erase it, the command that turns paging
off, keyword abbreviation, and the vendor's error messages for unknown,
ambiguous and incomplete commands. Known commands answer with recorded output
of real devices (tests/fixtures/device-output/<platform>/<command>/*.raw).

Exec channels (`ssh host 'show version'`) are answered too: no prompt, no
echo, no pager, exit status 0 when every command was known, else 1.

Usage (normally written into sshd_config by tests/lab/lab.ts):
  vendor-cli.py --platform huawei_vrp|hp_comware|cisco_ios
                [--commands FILE.json | --fixtures DIR] [--page-lines 24]
                [--hostname NAME] [--enable-secret SECRET]

--commands names a JSON object {"commands": {"display version": "/path.raw"}}
(command line as typed in full -> file); without it the platform's folder
under --fixtures is scanned and each command folder (display_version) answers
with <platform>_<command>.raw if present, else the first .raw file in name
order (tests/lab/vendor-cli.ts applies the same rule).

Only the Python standard library is used; it runs under the lab's test user.
"""

import argparse
import json
import os
import select
import sys
import time

PLATFORMS = {
    'huawei_vrp': {
        'hostname': 'HUAWEI',
        'more': '  ---- More ----',
        # VRP moves the cursor back 42 columns, blanks them and moves back again.
        'erase': '\x1b[42D' + ' ' * 42 + '\x1b[42D',
    },
    'hp_comware': {
        'hostname': 'H3C',
        'more': '  ---- More ----',
        'erase': '\x1b[16D' + ' ' * 16 + '\x1b[16D',
    },
    'cisco_ios': {
        'hostname': 'Switch',
        'more': ' --More-- ',
        # IOS backspaces over the 10-column prompt, blanks it and backspaces again.
        'erase': '\b' * 10 + ' ' * 10 + '\b' * 10,
    },
}


# Cisco commands that exist only in privileged EXEC (`Switch#`): at `Switch>` IOS does not know
# their second keyword and answers with the caret under it.
CISCO_PRIVILEGED = {('show', 'running-config'), ('show', 'startup-config')}


class Hangup(Exception):
    """The client went away."""


def write(text):
    data = text.encode('utf-8', 'replace')
    while data:
        try:
            written = os.write(1, data)
        except BrokenPipeError:
            raise Hangup()
        except OSError:
            raise Hangup()
        data = data[written:]


def read_byte():
    try:
        data = os.read(0, 1)
    except OSError:
        raise Hangup()
    if not data:
        raise Hangup()
    return data


def pending(timeout=0.0):
    try:
        ready, _, _ = select.select([0], [], [], timeout)
    except (OSError, ValueError):
        return False
    return bool(ready)


# One byte read ahead by swallow_lf() that belongs to the next input.
PUSHBACK = b''


def swallow_lf():
    """A client may send CR LF (or CR NUL) for Enter: drop what follows the CR."""
    global PUSHBACK
    if pending(0.02):
        try:
            peek = os.read(0, 1)
        except OSError:
            return
        if peek not in (b'\n', b'\0'):
            PUSHBACK = peek


def next_byte():
    global PUSHBACK
    if PUSHBACK:
        data, PUSHBACK = PUSHBACK, b''
        return data
    return read_byte()


def load_commands(args):
    if args.commands:
        with open(args.commands, encoding='utf-8') as handle:
            return json.load(handle)['commands']
    folder = os.path.join(args.fixtures, args.platform)
    commands = {}
    if os.path.isdir(folder):
        for command in sorted(os.listdir(folder)):
            path = os.path.join(folder, command)
            if not os.path.isdir(path):
                continue
            raws = sorted(name for name in os.listdir(path) if name.endswith('.raw'))
            preferred = '%s_%s.raw' % (args.platform, command)
            line = command.replace('_', ' ')
            if preferred in raws:
                commands[line] = os.path.join(path, preferred)
            elif raws:
                commands[line] = os.path.join(path, raws[0])
    return commands


def output_lines(path):
    with open(path, 'rb') as handle:
        text = handle.read().decode('utf-8', 'replace')
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    if text.endswith('\n'):
        text = text[:-1]
    return text.split('\n')


class Emulator:
    def __init__(self, args, interactive):
        self.platform = args.platform
        self.spec = PLATFORMS[args.platform]
        self.hostname = args.hostname or self.spec['hostname']
        self.page_lines = args.page_lines
        self.paging = args.page_lines > 0
        self.enable_secret = args.enable_secret
        self.interactive = interactive
        # Cisco sessions start in user EXEC (>) until `enable`; exec channels run privileged.
        self.privileged = not interactive
        self.entries = []
        for command, path in sorted(load_commands(args).items()):
            self.entries.append((tuple(command.lower().split()), 'output', path))
        if self.platform == 'huawei_vrp':
            self.entries += [
                (('screen-length', '0', 'temporary'), 'nopaging', None),
                (('quit',), 'quit', None),
                (('return',), 'noop', None),
            ]
        elif self.platform == 'hp_comware':
            self.entries += [
                (('screen-length', 'disable'), 'nopaging', None),
                (('quit',), 'quit', None),
                (('return',), 'noop', None),
            ]
        else:
            self.entries += [
                (('terminal', 'length', '0'), 'nopaging', None),
                (('enable',), 'enable', None),
                (('disable',), 'disable', None),
                (('exit',), 'quit', None),
                (('logout',), 'quit', None),
            ]

    # ---- prompts and messages -------------------------------------------------
    def prompt(self):
        if self.platform == 'cisco_ios':
            return self.hostname + ('#' if self.privileged else '>')
        return '<%s>' % self.hostname

    def banner(self):
        if self.platform == 'huawei_vrp':
            now = time.strftime('%Y-%m-%d %H:%M:%S')
            return ('\r\nInfo: The max number of VTY users is 10, and the number\r\n'
                    '      of current VTY users on line is 1.\r\n'
                    '      The current login time is %s.\r\n' % now)
        if self.platform == 'hp_comware':
            stars = '*' * 78
            return ('\r\n' + stars + '\r\n'
                    '* Copyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.*\r\n'
                    '* Without the owner\'s prior written consent,                                 *\r\n'
                    '* no decompiling or reverse-engineering shall be allowed.                    *\r\n'
                    + stars + '\r\n\r\n')
        return '\r\n'

    def error_lines(self, kind, column, line):
        """The vendor's complaint about `line`; column is where the bad word starts."""
        offset = len(self.prompt()) if self.interactive else 0
        caret = ' ' * (offset + column) + '^'
        if self.platform == 'huawei_vrp':
            what = {'invalid': 'Unrecognized', 'ambiguous': 'Ambiguous', 'incomplete': 'Incomplete'}[kind]
            return [caret, "Error: %s command found at '^' position." % what]
        if self.platform == 'hp_comware':
            what = {'invalid': 'Unrecognized', 'ambiguous': 'Ambiguous', 'incomplete': 'Incomplete'}[kind]
            return [caret, " %% %s command found at '^' position." % what]
        if kind == 'incomplete':
            return ['% Incomplete command.', '']
        if kind == 'ambiguous':
            return ['%% Ambiguous command:  "%s"' % line.strip()]
        if column == 0:
            # IOS takes an unknown first word for a host name to telnet to.
            return ['% Unknown command or computer name, or unable to find computer address']
        return [caret, "% Invalid input detected at '^' marker.", '']

    # ---- parsing --------------------------------------------------------------
    def match(self, line):
        words = []
        column = 0
        for part in line.split(' '):
            if part:
                words.append((part.lower(), column))
            column += len(part) + 1
        candidates = self.entries
        for index, (word, col) in enumerate(words):
            nxt = [e for e in candidates if len(e[0]) > index and e[0][index].startswith(word)]
            if not nxt:
                return ('invalid', col, None)
            exact = [e for e in nxt if e[0][index] == word]
            keywords = set(e[0][index] for e in nxt)
            if not exact and len(keywords) > 1:
                return ('ambiguous', col, None)
            candidates = exact or nxt
        complete = [e for e in candidates if len(e[0]) == len(words)]
        if complete:
            return ('ok', 0, complete[0])
        return ('incomplete', len(line.rstrip()), None)

    def run_line(self, line):
        """Runs one command line; returns (ok, lines, quit)."""
        if not line.strip():
            return True, [], False
        kind, column, entry = self.match(line)
        if kind != 'ok':
            return False, self.error_lines(kind, column, line), False
        action, path = entry[1], entry[2]
        if self.platform == 'cisco_ios' and not self.privileged and tuple(entry[0][:2]) in CISCO_PRIVILEGED:
            words = [(m, i) for i, m in enumerate(line.split(' ')) if m]
            column = len(' '.join(line.split(' ')[:words[1][1]])) + 1 if len(words) > 1 else 0
            return False, self.error_lines('invalid', column, line), False
        if action == 'output':
            return True, output_lines(path), False
        if action == 'nopaging':
            self.paging = False
            if self.platform == 'huawei_vrp':
                return True, ['Info: The configuration takes effect on the current user terminal interface only.'], False
            return True, [], False
        if action == 'quit':
            return True, [], True
        if action == 'enable':
            if not self.interactive:
                return True, [], False
            if self.enable_secret:
                # IOS with a local enable secret: three tries, then "% Bad secrets" and back at `>`.
                for _ in range(3):
                    write('Password: ')
                    secret = self.read_line(echo=False)
                    write('\r\n')
                    if secret == self.enable_secret:
                        break
                else:
                    return False, ['% Bad secrets', ''], False
            self.privileged = True
            return True, [], False
        if action == 'disable':
            self.privileged = False
            return True, [], False
        return True, [], False

    # ---- terminal I/O ---------------------------------------------------------
    def read_line(self, echo=True):
        chars = []
        while True:
            byte = next_byte()
            if byte in (b'\r', b'\n'):
                if byte == b'\r':
                    swallow_lf()
                return ''.join(chars)
            if byte in (b'\x7f', b'\x08'):
                if chars:
                    chars.pop()
                    if echo:
                        write('\b \b')
            elif byte == b'\x03':
                chars = []
                if echo:
                    write('\r\n' + self.prompt())
            elif byte == b'\x15':
                if echo:
                    write('\b \b' * len(chars))
                chars = []
            elif byte == b'\x1b':
                # Arrow keys and the like: drop the escape sequence.
                while pending(0.01):
                    tail = next_byte()
                    if tail.isalpha() or tail == b'~':
                        break
            elif byte >= b' ' and byte != b'\x7f':
                char = byte.decode('latin-1')
                if char in ('?', '\t'):
                    continue
                chars.append(char)
                if echo:
                    write(char)

    def page(self, lines):
        if not self.paging or len(lines) < self.page_lines:
            write(''.join(line + '\r\n' for line in lines))
            return
        step = self.page_lines - 1
        shown = min(step, len(lines))
        write(''.join(line + '\r\n' for line in lines[:shown]))
        while shown < len(lines):
            write(self.spec['more'])
            key = next_byte()
            if key == b'\r':
                swallow_lf()
            write(self.spec['erase'])
            if key == b' ':
                count = step
            elif key in (b'\r', b'\n'):
                count = 1
            else:
                return  # q, Ctrl-C or any other key ends the listing
            write(''.join(line + '\r\n' for line in lines[shown:shown + count]))
            shown += count

    def interact(self):
        write(self.banner() + self.prompt())
        while True:
            line = self.read_line()
            write('\r\n')
            ok, lines, quit_now = self.run_line(line)
            if quit_now:
                return
            self.page(lines)
            write(self.prompt())

    def execute(self, command):
        status = 0
        for line in command.replace('\r', '').split('\n'):
            ok, lines, quit_now = self.run_line(line)
            write(''.join(out + '\r\n' for out in lines))
            if not ok:
                status = 1
            if quit_now:
                break
        return status


def main():
    parser = argparse.ArgumentParser(description='Walkdown lab vendor CLI emulator')
    parser.add_argument('--platform', required=True, choices=sorted(PLATFORMS))
    parser.add_argument('--commands')
    parser.add_argument('--fixtures', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'device-output'))
    parser.add_argument('--page-lines', type=int, default=24)
    parser.add_argument('--hostname')
    parser.add_argument('--enable-secret', default='')
    args = parser.parse_args()

    command = os.environ.get('SSH_ORIGINAL_COMMAND')
    if command is not None:
        emulator = Emulator(args, interactive=False)
        try:
            sys.exit(emulator.execute(command))
        except Hangup:
            sys.exit(0)

    emulator = Emulator(args, interactive=True)
    saved = None
    if os.isatty(0):
        import termios
        import tty
        saved = termios.tcgetattr(0)
        # A switch does its own echo and line editing: take the pty raw, output too.
        tty.setraw(0)
    try:
        emulator.interact()
    except (Hangup, KeyboardInterrupt):
        pass
    finally:
        if saved is not None:
            import termios
            try:
                termios.tcsetattr(0, termios.TCSADRAIN, saved)
            except Exception:
                pass


if __name__ == '__main__':
    main()
