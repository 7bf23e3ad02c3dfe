import type { AssetType } from '@shared/domain/assets';
import {
  ArticleFields,
  type Article,
  type ArticleFilter,
  type ArticleHit,
  type ArticlePatch,
  type ArticleSuggestion,
  type LabelCount,
} from '@shared/domain/knowledge';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { KnowledgeRepo, rowFields, toArticle, type ArticleRow } from './knowledge.repo';
import { queryTerms } from './search-terms';
import { highlight, snippet } from './snippet';
import { suggestArticles } from './suggest';

const ENTITY = 'knowledgeArticle';

export interface KnowledgeDeps {
  store: LocalStore;
  events: EventBus;
  actor: () => Profile | null;
}

/** The knowledge base: articles, their search, and suggestions while an incident is written. */
export class KnowledgeService {
  readonly repo: KnowledgeRepo;

  constructor(private readonly deps: KnowledgeDeps) {
    this.repo = new KnowledgeRepo(deps.store.db);
  }

  list(input: { filter: ArticleFilter; offset: number; limit: number }): { total: number; offset: number; rows: ArticleHit[] } {
    const terms = queryTerms(input.filter.query);
    const { total, rows } = this.repo.list(input.filter, terms, input.offset, input.limit);
    return { total, offset: input.offset, rows: rows.map((row) => toHit(row, terms)) };
  }

  get(id: string): Article {
    return toArticle(this.liveRow(id));
  }

  create(fields: ArticleFields): Article {
    const actor = this.deps.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before writing an article: it is signed with it');
    const id = newId();
    this.deps.store.writePath.write(() => {
      this.assertSource(fields);
      return [{ entity: ENTITY, op: 'insert', id, fields: { ...fields, author: actor.name } }];
    });
    this.changed();
    return this.get(id);
  }

  update(id: string, patch: ArticlePatch): Article {
    this.deps.store.writePath.write(() => {
      const current = rowFields(this.liveRow(id));
      const merged = validated({ ...current, ...definedOnly(patch) });
      if (merged.sourceType !== current.sourceType || merged.sourceId !== current.sourceId) this.assertSource(merged);
      return [{ entity: ENTITY, op: 'update', id, fields: { ...merged } }];
    });
    this.changed();
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.deps.store.writePath.write([{ entity: ENTITY, op: 'delete', id }], () => {
      this.liveRow(id);
    });
    this.changed();
    return { id };
  }

  restore(id: string): { id: string } {
    this.deps.store.writePath.write([{ entity: ENTITY, op: 'restore', id }], () => {
      const row = this.repo.get(id);
      if (!row) throw new AppError('knowledge.not-found', `No knowledge article with id ${id}`);
      if (row.deleted_at === null) throw new AppError('api.invalid-input', 'This article is not deleted');
    });
    this.changed();
    return { id };
  }

  suggest(input: { text: string; limit: number; assetTypes?: AssetType[] | undefined; vendors?: string[] | undefined }): ArticleSuggestion[] {
    return suggestArticles(this.repo, input);
  }

  tags(): LabelCount[] {
    return this.repo.tags();
  }

  vendors(): LabelCount[] {
    return this.repo.vendors();
  }

  private liveRow(id: string): ArticleRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('knowledge.not-found', `No knowledge article with id ${id}`);
    return row;
  }

  private assertSource(fields: ArticleFields): void {
    if (fields.sourceType && fields.sourceId && !this.repo.sourceExists(fields.sourceType, fields.sourceId)) {
      throw new AppError('knowledge.source-not-found', `No ${fields.sourceType} with id ${fields.sourceId}`, {
        details: { field: 'sourceId', sourceType: fields.sourceType, sourceId: fields.sourceId },
      });
    }
  }

  private changed(): void {
    this.deps.events.emit('records.changed', { entities: [ENTITY] });
  }
}

function toHit(row: ArticleRow, terms: readonly string[]): ArticleHit {
  const { body, ...article } = toArticle(row);
  return { ...article, title: highlight(article.title, terms), snippet: snippet(body, terms) };
}

/** A patch merged into the stored fields must still be a whole valid article (a source type with its id). */
function validated(fields: ArticleFields): ArticleFields {
  const result = ArticleFields.safeParse(fields);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  throw new AppError('api.invalid-input', issues.map((issue) => issue.message).join('; '), { details: { issues } });
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
