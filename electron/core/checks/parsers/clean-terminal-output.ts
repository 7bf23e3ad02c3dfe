/**
 * Turns what an interactive SSH shell captured into the text the device meant
 * to print: the lines as a terminal would show them once every pager prompt
 * was erased.
 *
 * Why emulate instead of stripping with regexes: pagers erase their prompt by
 * moving the cursor back (backspaces on Cisco, `ESC[42D` on Huawei and H3C)
 * and overwriting it with spaces, and the next screenful continues on the same
 * line. Replaying those moves on a line buffer keeps the indentation of the
 * line that follows (Huawei prints Eth-Trunk members indented), which a
 * regex that eats "More" plus the spaces around it would lose.
 *
 * Handles: CRLF and lone CR, backspace, CSI cursor moves (D/C/G), erase in
 * line (K), other CSI/OSC/two-byte escapes (dropped), other control
 * characters (dropped), and pager prompts left as plain text when a capture
 * lost its escapes (`---- More ----`, `--More--`, `<--- More --->`). Trailing
 * spaces of every line are removed; nothing else changes.
 */
export function cleanTerminalOutput(text: string): string {
  const lines: string[] = [];
  let buf: string[] = [];
  let col = 0;

  const commit = () => {
    lines.push(stripPagerText(buf.join('')).replace(/[ \t]+$/, ''));
    buf = [];
    col = 0;
  };
  const put = (ch: string) => {
    while (buf.length < col) buf.push(' ');
    buf[col] = ch;
    col += 1;
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (ch === '\n') {
      commit();
    } else if (ch === '\r') {
      // CRLF is a line end; a CR alone returns to column 0 (some pagers erase that way).
      if (text[i + 1] === '\n') continue;
      col = 0;
    } else if (ch === '\b') {
      col = Math.max(0, col - 1);
    } else if (ch === '\t') {
      put(ch);
    } else if (ch === '\x1b') {
      i = applyEscape(text, i, {
        left: (n) => (col = Math.max(0, col - n)),
        right: (n) => (col += n),
        toColumn: (n) => (col = Math.max(0, n - 1)),
        eraseToEnd: () => (buf.length = Math.min(buf.length, col)),
        eraseLine: () => (buf = []),
      });
    } else if (code < 0x20 || code === 0x7f) {
      // Bell, NUL, shift-in/out and the like carry nothing for a parser.
    } else {
      put(ch);
    }
  }
  if (buf.length > 0 || text.length === 0 || !text.endsWith('\n')) commit();
  return lines.join('\n');
}

interface Cursor {
  left(n: number): void;
  right(n: number): void;
  toColumn(n: number): void;
  eraseToEnd(): void;
  eraseLine(): void;
}

/** Applies the escape sequence starting at `start` (an ESC); returns the index of its last character. */
function applyEscape(text: string, start: number, cursor: Cursor): number {
  const next = text[start + 1];
  if (next === '[') {
    const match = /^\[([0-9;?]*)([@-~])/.exec(text.slice(start + 1, start + 32));
    // A sequence cut off at the very end of the capture: drop it; otherwise drop the ESC alone.
    if (!match) return /^\[[0-9;?]*$/.test(text.slice(start + 1)) ? text.length - 1 : start;
    const params = match[1] ?? '';
    const n = Number.parseInt(params, 10);
    const count = Number.isFinite(n) && n > 0 ? n : 1;
    switch (match[2]) {
      case 'D':
        cursor.left(count);
        break;
      case 'C':
        cursor.right(count);
        break;
      case 'G':
        cursor.toColumn(count);
        break;
      case 'K':
        if (params === '2') cursor.eraseLine();
        else if (params === '' || params === '0') cursor.eraseToEnd();
        break;
      default:
      // Colours, scrolling regions, cursor save/restore: nothing to replay.
    }
    return start + match[0].length;
  }
  if (next === ']') {
    // OSC (window titles): up to BEL or ESC \.
    const bel = text.indexOf('\x07', start);
    const st = text.indexOf('\x1b\\', start + 1);
    const ends = [bel, st >= 0 ? st + 1 : -1].filter((x) => x >= 0);
    return ends.length > 0 ? Math.min(...ends) : text.length - 1;
  }
  if (next === '(' || next === ')') return start + 2;
  return next === undefined ? start : start + 1;
}

const PAGER_TEXT = /\s*(?:-{2,4} ?More ?-{2,4}|<-{2,3} More -{2,3}>)\s*/g;

/** Pager prompts that survived as text (a capture that lost its escape sequences). */
function stripPagerText(line: string): string {
  if (!/More/.test(line)) return line;
  const leading = /^\s*(?:-{2,4} ?More ?-{2,4}|<-{2,3} More -{2,3}>)/.test(line);
  const cleaned = line.replace(PAGER_TEXT, leading ? '' : ' ');
  return leading ? cleaned : cleaned.replace(/\s+$/, '');
}
