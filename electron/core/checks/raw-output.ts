import { MAX_RAW_OUTPUT_CHARS } from '@shared/domain/checks';

/**
 * Raw output as it is kept: at most MAX_RAW_OUTPUT_CHARS characters. Longer
 * output keeps its head (where the evidence is) and ends with a line that
 * says how much was cut, so nobody mistakes it for the whole answer.
 */
export function capRawOutput(text: string, max: number = MAX_RAW_OUTPUT_CHARS): string {
  if (text.length <= max) return text;
  const marker = (cut: number) => `\n[output cut: ${cut} more characters not kept]`;
  let keep = max - marker(text.length).length;
  // Never split a surrogate pair (a character outside the BMP).
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + marker(text.length - keep);
}
