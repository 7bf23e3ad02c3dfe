/** One line of a unified diff as the diff view draws it, with the line numbers on each side. */
export type DiffRow =
  | { kind: 'hunk'; text: string; oldStart: number; newStart: number }
  | { kind: 'context'; text: string; oldNo: number; newNo: number }
  | { kind: 'add'; text: string; newNo: number }
  | { kind: 'remove'; text: string; oldNo: number }
  | { kind: 'note'; text: string };

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

/**
 * Reads `diff -u` output (file headers, hunks, "\ No newline at end of
 * file"). Lines before the first hunk other than the ---/+++ headers are kept
 * as notes, so nothing core sent is dropped silently.
 */
export function parseUnifiedDiff(unified: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  const lines = unified.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[3]);
      inHunk = true;
      rows.push({ kind: 'hunk', text: line, oldStart: oldNo, newStart: newNo });
      continue;
    }
    if (!inHunk) {
      if (!line.startsWith('--- ') && !line.startsWith('+++ ') && line !== '') rows.push({ kind: 'note', text: line });
      continue;
    }
    if (line.startsWith('+')) rows.push({ kind: 'add', text: line.slice(1), newNo: newNo++ });
    else if (line.startsWith('-')) rows.push({ kind: 'remove', text: line.slice(1), oldNo: oldNo++ });
    else if (line.startsWith('\\')) rows.push({ kind: 'note', text: line });
    else rows.push({ kind: 'context', text: line.startsWith(' ') ? line.slice(1) : line, oldNo: oldNo++, newNo: newNo++ });
  }
  return rows;
}
