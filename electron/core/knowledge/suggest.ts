import type { AssetType } from '@shared/domain/assets';
import type { ArticleSuggestion } from '@shared/domain/knowledge';
import { gramToken } from '../store/search-grams';
import { ftsPhrase } from './knowledge-query';
import type { KnowledgeRepo, ScoredRow } from './knowledge.repo';
import { suggestTerms } from './search-terms';
import { snippet } from './snippet';

/** Candidates ranked by the indexes before the finer scoring below picks the best. */
const CANDIDATES_PER_RESULT = 4;
/** A suggestion scoring below this share of the best one is noise next to it. */
const RELATIVE_FLOOR = 0.2;
/** An article for the same kind of device or vendor as the incident. */
const CONTEXT_BOOST = 1.25;
/**
 * Both indexes score every column alike here: the title is weighed below, the
 * same way for Chinese pairs (whose index has no columns) and Latin words.
 */
const FTS_WEIGHTS = '1.0, 1.0, 1.0, 1.0';
/** A Latin word says more than one pair of Han characters (a Chinese word of three or more characters is several pairs). */
const WORD_WEIGHT = 2;

export interface SuggestInput {
  text: string;
  limit: number;
  assetTypes?: readonly AssetType[] | undefined;
  vendors?: readonly string[] | undefined;
}

/**
 * Published articles related to free text, best first. Any term may match
 * (OR); the indexes rank by bm25, so rare words weigh more than common ones.
 * The top candidates are then scored again: more of the matched words in the
 * title doubles at most, the incident's asset types or vendors add a quarter.
 * An article sharing a single pair of characters with a longer text is
 * dropped: 服务 alone links a server fault to every server article.
 */
export function suggestArticles(repo: KnowledgeRepo, input: SuggestInput): ArticleSuggestion[] {
  const { pairs, words } = suggestTerms(input.text);
  if (pairs.length === 0 && words.length === 0) return [];
  const candidates = repo.suggestCandidates(
    pairs.length > 0 ? pairs.map(gramToken).join(' OR ') : null,
    words.length > 0 ? words.map(ftsPhrase).join(' OR ') : null,
    FTS_WEIGHTS,
    input.limit * CANDIDATES_PER_RESULT,
  );

  const terms = [...pairs.map((term) => ({ term, weight: 1 })), ...words.map((term) => ({ term, weight: WORD_WEIGHT }))];
  const required = Math.min(2, terms.reduce((sum, { weight }) => sum + weight, 0));
  const assetTypes = new Set<string>(input.assetTypes ?? []);
  const vendors = new Set((input.vendors ?? []).map((vendor) => vendor.toLowerCase()));

  const scored = candidates
    .map((row) => scoreRow(row, terms, assetTypes, vendors))
    .filter((entry) => entry.weight >= required)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((entry) => entry.score >= best * RELATIVE_FLOOR)
    .slice(0, input.limit)
    .map(({ row, matched, score }) => {
      const excerpt = snippet(row.body, matched);
      return { id: row.id, title: row.title, snippet: excerpt.text, ranges: excerpt.ranges, score: Math.round(score * 1000) / 1000 };
    });
}

function scoreRow(row: ScoredRow, terms: readonly { term: string; weight: number }[], assetTypes: Set<string>, vendors: Set<string>) {
  const title = row.title.toLowerCase();
  const text = `${title}\n${row.tags}\n${row.vendors}\n${row.body}`.toLowerCase();
  const found = terms.filter(({ term }) => text.includes(term));
  const weight = found.reduce((sum, entry) => sum + entry.weight, 0);
  const inTitle = found.filter(({ term }) => title.includes(term)).reduce((sum, entry) => sum + entry.weight, 0);
  const titleShare = weight > 0 ? inTitle / weight : 0;
  const sameContext =
    (JSON.parse(row.asset_types) as string[]).some((type) => assetTypes.has(type)) ||
    (JSON.parse(row.vendors) as string[]).some((vendor) => vendors.has(vendor.toLowerCase()));
  const score = row.base * (1 + titleShare) * (sameContext ? CONTEXT_BOOST : 1);
  return { row, matched: found.map(({ term }) => term), weight, score };
}
