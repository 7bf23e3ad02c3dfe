import type { AssetFilter } from '@shared/domain/assets';
import { shortTermsQuery } from '../store/search-grams';

/** A WHERE clause and its parameters, built from a filter; only fixed SQL text, values always bound. */
export interface SqlFilter {
  where: string;
  params: unknown[];
}

/** Trigram FTS needs three characters; shorter terms (two Chinese characters, say) use the 1–2 character gram index. */
const TRIGRAM = 3;

/**
 * The filter of the asset list as SQL over `assets a` and its host `h`
 * (software takes its location from the hardware it is installed on).
 * `roomIds`/`rackId` come from resolving a location filter beforehand.
 */
export function assetWhere(filter: AssetFilter, scope: { roomIds: string[] | null; rackId: string | null; warrantyCutoff: string }): SqlFilter {
  const clauses = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];

  const terms = filter.query.split(/\s+/).filter(Boolean);
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  const short = terms.filter((term) => [...term].length < TRIGRAM);
  if (long.length > 0) {
    clauses.push('a.rowid IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)');
    params.push(long.map(ftsPhrase).join(' AND '));
  }
  if (short.length > 0) {
    clauses.push('a.rowid IN (SELECT rowid FROM assets_grams WHERE assets_grams MATCH ?)');
    params.push(shortTermsQuery(short));
  }

  if (filter.types.length > 0) {
    clauses.push(`a.type IN (${placeholders(filter.types)})`);
    params.push(...filter.types);
  }
  if (filter.statuses.length > 0) {
    clauses.push(`a.status IN (${placeholders(filter.statuses)})`);
    params.push(...filter.statuses);
  }
  if (filter.vendors.length > 0) {
    clauses.push(`a.vendor COLLATE NOCASE IN (${placeholders(filter.vendors)})`);
    params.push(...filter.vendors);
  }
  if (scope.rackId) {
    clauses.push('coalesce(a.rack_id, h.rack_id) = ?');
    params.push(scope.rackId);
  } else if (scope.roomIds) {
    if (scope.roomIds.length === 0) clauses.push('0');
    else {
      clauses.push(`coalesce(a.room_id, h.room_id) IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(scope.roomIds));
    }
  }
  if (filter.warrantyEndingSoon) {
    clauses.push('a.warranty_end IS NOT NULL AND a.warranty_end <= ?');
    params.push(scope.warrantyCutoff);
  }
  return { where: clauses.join(' AND '), params };
}

/** A search term as one FTS5 phrase: quotes doubled, so user text is never FTS syntax. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
