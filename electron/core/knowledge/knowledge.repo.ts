import type { AssetType } from '@shared/domain/assets';
import type { Article, ArticleFields, ArticleFilter, ArticleSourceType, ArticleStatus, LabelCount } from '@shared/domain/knowledge';
import type { Language } from '@shared/domain/profile';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { syncedEntities } from '../store/synced-entities';
import { articleQuery } from './knowledge-query';

export interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  body: string;
  language: Language;
  tags: string;
  asset_types: string;
  vendors: string;
  source_type: ArticleSourceType | null;
  source_id: string | null;
  status: ArticleStatus;
  author: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    language: row.language,
    tags: JSON.parse(row.tags) as string[],
    assetTypes: JSON.parse(row.asset_types) as AssetType[],
    vendors: JSON.parse(row.vendors) as string[],
    sourceType: row.source_type,
    sourceId: row.source_id,
    status: row.status,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function rowFields(row: ArticleRow): ArticleFields {
  const { title, body, language, tags, assetTypes, vendors, sourceType, sourceId, status } = toArticle(row);
  return { title, body, language, tags, assetTypes, vendors, sourceType, sourceId, status };
}

/** A candidate for suggestions with its combined bm25 score (higher is better). */
export interface ScoredRow extends ArticleRow {
  base: number;
}

const SELECT = 'SELECT a.rowid, a.* FROM knowledge_articles a';

const SOURCE_TABLES: Record<ArticleSourceType, string> = { incident: syncedEntities.incident.table, problem: syncedEntities.problem.table };

export class KnowledgeRepo {
  constructor(private readonly db: Db) {}

  get(id: string): ArticleRow | undefined {
    return statement(this.db, `${SELECT} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  }

  list(filter: ArticleFilter, terms: readonly string[], offset: number, limit: number): { total: number; rows: ArticleRow[] } {
    const query = articleQuery(filter, terms);
    const total = (statement(this.db, `SELECT count(*) AS n FROM ${query.from} WHERE ${query.where}`).get(...query.params) as { n: number }).n;
    const rows = statement(this.db, `SELECT a.rowid, a.* FROM ${query.from} WHERE ${query.where} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`).all(
      ...query.params,
      ...query.orderParams,
      limit,
      offset,
    ) as ArticleRow[];
    return { total, rows };
  }

  /**
   * Published live articles matching any of the terms, best first by the sum
   * of the two indexes' bm25 (each index answers for its own terms).
   * `gramsQuery` and `ftsQuery` are FTS5 OR-expressions; either may be null.
   */
  suggestCandidates(gramsQuery: string | null, ftsQuery: string | null, weights: string, limit: number): ScoredRow[] {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (gramsQuery) {
      parts.push('SELECT rowid, bm25(knowledge_grams) AS s FROM knowledge_grams WHERE knowledge_grams MATCH ?');
      params.push(gramsQuery);
    }
    if (ftsQuery) {
      parts.push(`SELECT rowid, bm25(knowledge_fts, ${weights}) AS s FROM knowledge_fts WHERE knowledge_fts MATCH ?`);
      params.push(ftsQuery);
    }
    if (parts.length === 0) return [];
    // Scores first over the narrow columns, then whole rows (with their bodies) for the few kept.
    const top = statement(
      this.db,
      `WITH hits AS MATERIALIZED (${parts.join(' UNION ALL ')})
       SELECT h.rowid AS rowid, -sum(h.s) AS base FROM hits h JOIN knowledge_articles a ON a.rowid = h.rowid
       WHERE a.deleted_at IS NULL AND a.status = 'published'
       GROUP BY h.rowid ORDER BY base DESC, a.updated_at DESC LIMIT ?`,
    ).all(...params, limit) as { rowid: number; base: number }[];
    if (top.length === 0) return [];
    const rows = statement(this.db, `${SELECT} WHERE a.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(top.map((t) => t.rowid))) as ArticleRow[];
    const byRowid = new Map(rows.map((row) => [row.rowid, row]));
    return top.flatMap(({ rowid, base }) => {
      const row = byRowid.get(rowid);
      return row ? [{ ...row, base }] : [];
    });
  }

  tags(): LabelCount[] {
    return this.labelCounts('tags');
  }

  vendors(): LabelCount[] {
    return this.labelCounts('vendors');
  }

  /** Different spellings of one label ("STP", "stp") in different articles count as one. */
  private labelCounts(column: 'tags' | 'vendors'): LabelCount[] {
    return statement(
      this.db,
      `SELECT min(j.value) AS value, count(DISTINCT a.rowid) AS count
       FROM knowledge_articles a, json_each(a.${column}) j
       WHERE a.deleted_at IS NULL
       GROUP BY j.value COLLATE NOCASE
       ORDER BY count DESC, value COLLATE NOCASE`,
    ).all() as LabelCount[];
  }

  /** Whether the incident or problem an article is written from exists (and is not deleted). */
  sourceExists(type: ArticleSourceType, id: string): boolean {
    return statement(this.db, `SELECT 1 FROM ${SOURCE_TABLES[type]} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
  }
}
