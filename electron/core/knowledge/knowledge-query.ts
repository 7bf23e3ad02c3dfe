import type { ArticleFilter } from '@shared/domain/knowledge';
import { shortTermsQuery } from '../store/search-grams';

/** Trigram FTS needs three characters; shorter terms (two Chinese characters, say) use the 1–2 character gram index. */
const TRIGRAM = 3;

/**
 * bm25 weights of knowledge_fts's columns (title, body, tags, vendors): a word
 * in the title says more about what the article is for than the same word in
 * its body.
 */
const FTS_WEIGHTS = '10.0, 1.0, 4.0, 4.0';

/** The article list's query over `knowledge_articles a`: only fixed SQL text, every value bound. */
export interface ArticleQuery {
  /** Joins the trigram index's ranking as `f.rank` when there are long terms. */
  from: string;
  where: string;
  params: unknown[];
  /** Best first: more search words in the title, then bm25, then the newest. */
  orderBy: string;
  orderParams: unknown[];
}

export function articleQuery(filter: ArticleFilter, terms: readonly string[]): ArticleQuery {
  const clauses = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  let from = 'knowledge_articles a';
  const fromParams: unknown[] = [];

  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  const short = terms.filter((term) => [...term].length < TRIGRAM);
  if (long.length > 0) {
    from = `knowledge_articles a JOIN (SELECT rowid, bm25(knowledge_fts, ${FTS_WEIGHTS}) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH ?) f ON f.rowid = a.rowid`;
    fromParams.push(long.map(ftsPhrase).join(' AND '));
  }
  if (short.length > 0) {
    clauses.push('a.rowid IN (SELECT rowid FROM knowledge_grams WHERE knowledge_grams MATCH ?)');
    params.push(shortTermsQuery(short));
  }
  if (filter.tags.length > 0) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE t.value COLLATE NOCASE IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filter.tags));
  }
  if (filter.assetTypes.length > 0) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(a.asset_types) t WHERE t.value IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filter.assetTypes));
  }
  if (filter.vendors.length > 0) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(a.vendors) t WHERE t.value COLLATE NOCASE IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filter.vendors));
  }
  if (filter.languages.length > 0) {
    clauses.push('a.language IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.languages));
  }
  if (filter.statuses.length > 0) {
    clauses.push('a.status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.statuses));
  }

  const orderParts: string[] = [];
  const orderParams: unknown[] = [];
  if (terms.length > 0) {
    orderParts.push('(SELECT count(*) FROM json_each(?) w WHERE instr(lower(a.title), w.value) > 0) DESC');
    orderParams.push(JSON.stringify(terms.map((term) => term.toLowerCase())));
  }
  if (long.length > 0) orderParts.push('f.rank');
  orderParts.push('a.updated_at DESC', 'a.rowid DESC');

  return { from, where: clauses.join(' AND '), params: [...fromParams, ...params], orderBy: orderParts.join(', '), orderParams };
}

/** A search term as one FTS5 phrase: quotes doubled, so user text is never FTS syntax. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
