import type { Highlighted, TextRange } from '@shared/domain/knowledge';

/** Characters of body text shown under a search hit. */
export const SNIPPET_CHARS = 160;
/** How much text comes before the first match, so it is read in context. */
const LEAD_CHARS = 40;

/**
 * Markdown as plain text for a snippet: the words a reader sees, without
 * heading marks, emphasis, link targets or table pipes. Not a renderer: just
 * enough that a snippet does not start with "## " or show a URL instead of
 * the link text.
 */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm, '')
    .replace(/^[ \t]*[-=*_|: ]{3,}[ \t]*$/gm, ' ')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s).,;:!?]|$)/g, '$1')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where each term occurs in `text`, ignoring case, merged where they touch.
 * A term ending in a Latin letter or digit is stretched to the end of its
 * word, so a stem ("flapp") marks the whole word ("flapping").
 */
export function findRanges(text: string, terms: readonly string[]): TextRange[] {
  const lower = text.toLowerCase();
  // Lower-casing may change the length of a few exotic characters; offsets are then unreliable, so mark nothing.
  if (lower.length !== text.length) return [];
  const needles = [...new Set(terms.map((term) => term.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [];
  // One pass over the text for all terms, longest first; overlaps between terms are merged below.
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'g');
  const ranges: TextRange[] = [];
  for (let match = pattern.exec(lower); match !== null; match = pattern.exec(lower)) {
    const at = match.index;
    let end = at + match[0].length;
    if (/[a-z0-9]$/.test(match[0])) while (end < lower.length && /[a-z0-9]/.test(lower[end] as string)) end++;
    ranges.push([at, end]);
    // Terms overlapping this match (交换 inside 核心交换机's pairs) are found by looking again one character on.
    pattern.lastIndex = at + 1;
  }
  return mergeRanges(ranges);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** A whole short text (a title) with its matches marked. */
export function highlight(text: string, terms: readonly string[]): Highlighted {
  return { text, ranges: findRanges(text, terms) };
}

/**
 * A window of the article's text around the first match, with every match in
 * it marked; the beginning of the text when nothing matches the body (the
 * title or a tag matched). Cut ends are marked with an ellipsis.
 */
export function snippet(markdown: string, terms: readonly string[], size = SNIPPET_CHARS): Highlighted {
  const text = markdownText(markdown);
  const all = findRanges(text, terms);
  let start = all.length > 0 ? Math.max(0, (all[0] as TextRange)[0] - LEAD_CHARS) : 0;
  // Never open the window in the middle of a surrogate pair (an emoji, a rare Han character).
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  let end = Math.min(text.length, start + size);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;

  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const ranges: TextRange[] = all
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]) => [Math.max(from, start) + shift, Math.min(to, end) + shift]);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, ranges };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
