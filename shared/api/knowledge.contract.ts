import { z } from 'zod';
import { AssetType } from '../domain/assets';
import { Id } from '../domain/ids';
import { Article, ArticleFields, ArticleFilter, ArticleHit, ArticlePatch, ArticleSuggestion, LabelCount } from '../domain/knowledge';
import { method } from './define';

export const ArticlePage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ArticleHit),
});
export type ArticlePage = z.infer<typeof ArticlePage>;

export const knowledgeContract = {
  /**
   * One page of articles matching the search and the filter chips. With search
   * words the best matches come first (title counts most), otherwise the most
   * recently changed. Each row carries a snippet with the matches marked.
   */
  'knowledge.list': method({
    summary: 'A page of knowledge articles matching a search and filters, best match first.',
    input: z.object({
      filter: ArticleFilter.default(ArticleFilter.parse({})),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: ArticlePage,
  }),
  'knowledge.get': method({
    summary: 'One knowledge article with its Markdown body.',
    input: z.object({ id: Id }),
    output: Article,
  }),
  /** Write an article; the author is the local profile. An incident or problem named as the source must exist. */
  'knowledge.create': method({
    summary: 'Write a knowledge article.',
    input: ArticleFields,
    output: Article,
  }),
  'knowledge.update': method({
    summary: 'Change fields of a knowledge article; the others keep their values.',
    input: z.object({ id: Id, patch: ArticlePatch }),
    output: Article,
  }),
  /** A tombstone: the article leaves lists, search and suggestions, and can be restored. */
  'knowledge.delete': method({
    summary: 'Delete a knowledge article (restorable).',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  'knowledge.restore': method({
    summary: 'Restore a deleted knowledge article.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /**
   * Published articles that may help with an incident being written, from its
   * title and description as typed (Chinese or English, no spaces needed).
   * Cheap enough to call on every pause in typing. Articles for the same asset
   * types or vendors rank higher.
   */
  'knowledge.suggest': method({
    summary: 'Articles related to free text (an incident being written), best first.',
    input: z.object({
      text: z.string().max(20_000),
      limit: z.number().int().min(1).max(20).default(5),
      assetTypes: z.array(AssetType).max(30).optional(),
      vendors: z.array(z.string().max(100)).max(50).optional(),
    }),
    output: z.array(ArticleSuggestion),
  }),
  /** Every tag in use with the number of live articles carrying it, most used first: the filter chips. */
  'knowledge.tags': method({
    summary: 'Tags of live articles with counts, most used first.',
    input: z.object({}).default({}),
    output: z.array(LabelCount),
  }),
  /** Every vendor named by a live article with counts, most used first. */
  'knowledge.vendors': method({
    summary: 'Vendors named by live articles with counts, most used first.',
    input: z.object({}).default({}),
    output: z.array(LabelCount),
  }),
};
