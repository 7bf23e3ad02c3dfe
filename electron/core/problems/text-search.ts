import { shortTermsQuery } from '../store/search-grams';

/** Trigram FTS needs three characters; shorter terms (two Chinese characters, say) use the 1–2 character gram index. */
const TRIGRAM = 3;

/** Conditions and their bound values; only fixed SQL text, values always bound. */
export interface SqlConditions {
  clauses: string[];
  params: unknown[];
}

/**
 * The conditions that find the rows of `table` (aliased `alias`) containing
 * every word of `search`, through the `<table>_fts` trigram index and the
 * `<table>_grams` short-term index that migration 0009 builds (the pattern of
 * 0003 and 0005 for assets). `table` and `alias` come from code, never input.
 */
export function textSearchConditions(search: string, table: 'problems' | 'changes', alias: string): SqlConditions {
  const terms = search.split(/\s+/).filter(Boolean);
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  const short = terms.filter((term) => [...term].length < TRIGRAM);
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (long.length > 0) {
    clauses.push(`${alias}.rowid IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH ?)`);
    params.push(long.map(ftsPhrase).join(' AND '));
  }
  if (short.length > 0) {
    clauses.push(`${alias}.rowid IN (SELECT rowid FROM ${table}_grams WHERE ${table}_grams MATCH ?)`);
    params.push(shortTermsQuery(short));
  }
  return { clauses, params };
}

/** A search term as one FTS5 phrase: quotes doubled, so user text is never FTS syntax. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
