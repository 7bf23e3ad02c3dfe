/**
 * Short-term search. The trigram index answers terms of three characters or
 * more; Chinese words are often two (核心, 机房) and engineers type one- and
 * two-character fragments (7F, A1). This index holds every single character
 * and every pair of adjacent characters of each searched field as tokens, so
 * a 1–2 character term is one token lookup instead of a scan.
 *
 * Tokens are spelled as code points in hex (核心 → u6838u5fc3) so that
 * punctuation, which FTS5's unicode61 tokenizer would otherwise split on or
 * drop, is searchable too (".1", "-3").
 */

/** Longest prefix of a field that is indexed for short terms; longer notes are still found by the trigram index. */
const MAX_FIELD_CHARS = 2000;

export function gramToken(gram: string): string {
  let token = '';
  for (const char of gram) token += `u${(char.codePointAt(0) as number).toString(16)}`;
  return token;
}

/** The space-separated tokens of every 1- and 2-character gram of each field (fields are never joined). */
export function searchGrams(...fields: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    const chars = [...field.toLowerCase().slice(0, MAX_FIELD_CHARS)].filter((c) => !/\s/.test(c));
    for (let i = 0; i < chars.length; i++) {
      tokens.add(gramToken(chars[i] as string));
      if (i + 1 < chars.length) tokens.add(gramToken((chars[i] as string) + (chars[i + 1] as string)));
    }
  }
  return [...tokens].join(' ');
}

/** The FTS5 query for short terms (each 1–2 characters, no white space): all must match. */
export function shortTermsQuery(terms: readonly string[]): string {
  return terms.map((term) => gramToken(term.toLowerCase())).join(' AND ');
}
