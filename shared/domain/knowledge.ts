import { z } from 'zod';
import { AssetType } from './assets';
import { EpochMs, Id } from './ids';
import { Language } from './profile';

/**
 * The knowledge base (知识库): articles written from solved incidents and
 * problems, so the next engineer facing the same fault finds the cause and the
 * fix (the plans' 故障知识库).
 */

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ARTICLE_SOURCE_TYPES = ['incident', 'problem'] as const;
export const ArticleSourceType = z.enum(ARTICLE_SOURCE_TYPES);
export type ArticleSourceType = z.infer<typeof ArticleSourceType>;

export const MAX_ARTICLE_TITLE = 200;
export const MAX_ARTICLE_BODY = 50_000;
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;
export const MAX_VENDORS = 20;

/**
 * Free-form labels: trimmed, inner white space collapsed, empty ones dropped
 * and duplicates (ignoring case) removed, the first spelling kept. "STP" and
 * "stp" are one tag, so the filter chips do not split.
 */
export function normaliseLabels(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const value of values) {
    const label = value.trim().replace(/\s+/g, ' ');
    const key = label.toLowerCase();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

const labels = (maxLength: number, maxCount: number) =>
  z
    .array(z.string().max(maxLength, `At most ${maxLength} characters`))
    .transform(normaliseLabels)
    .pipe(z.array(z.string()).max(maxCount, `At most ${maxCount}`));

const Title = z.string().trim().min(1, 'The title is required').max(MAX_ARTICLE_TITLE, `At most ${MAX_ARTICLE_TITLE} characters`);
const Body = z.string().max(MAX_ARTICLE_BODY, `At most ${MAX_ARTICLE_BODY} characters`);
const Tags = labels(MAX_TAG_LENGTH, MAX_TAGS);
const AssetTypes = z.array(AssetType).max(30).transform((types) => [...new Set(types)]);
const Vendors = labels(100, MAX_VENDORS);

/** What the author edits. The source (incident or problem) is set together or not at all. */
export const ArticleFieldsObject = z.object({
  title: Title,
  /** Markdown. Rendered without raw HTML. */
  body: Body.default(''),
  language: Language,
  tags: Tags.default([]),
  assetTypes: AssetTypes.default([]),
  vendors: Vendors.default([]),
  sourceType: ArticleSourceType.nullable().default(null),
  sourceId: Id.nullable().default(null),
  status: ArticleStatus.default('draft'),
});

/** An article written from an incident or problem names both its type and its id; one without either is a problem. */
export function sourceProblem(sourceType: ArticleSourceType | null, sourceId: string | null): string | null {
  if ((sourceType === null) === (sourceId === null)) return null;
  return sourceType === null ? 'A source id needs a source type' : 'A source type needs a source id';
}

export const ArticleFields = ArticleFieldsObject.superRefine((fields, ctx) => {
  const problem = sourceProblem(fields.sourceType, fields.sourceId);
  if (problem) ctx.addIssue({ code: 'custom', path: ['sourceId'], message: problem });
});
export type ArticleFields = z.output<typeof ArticleFields>;
export type ArticleFieldsInput = z.input<typeof ArticleFields>;

/** A change to some fields; declared without defaults so an absent field stays as it is. */
export const ArticlePatch = z
  .object({
    title: Title,
    body: Body,
    language: Language,
    tags: Tags,
    assetTypes: AssetTypes,
    vendors: Vendors,
    sourceType: ArticleSourceType.nullable(),
    sourceId: Id.nullable(),
    status: ArticleStatus,
  })
  .partial();
export type ArticlePatch = z.output<typeof ArticlePatch>;

export const Article = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  language: Language,
  tags: z.array(z.string()),
  assetTypes: z.array(AssetType),
  vendors: z.array(z.string()),
  sourceType: ArticleSourceType.nullable(),
  sourceId: Id.nullable(),
  status: ArticleStatus,
  /** Who wrote it: the local profile's name at creation. */
  author: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Article = z.infer<typeof Article>;

/** Search and filter chips of the article list. Within a group any value matches; groups narrow each other. */
export const ArticleFilter = z.object({
  /**
   * Words separated by spaces, all of which must match title, body, tags or
   * vendors. Chinese substrings match, including one or two characters (核心).
   */
  query: z.string().trim().max(200).default(''),
  tags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS).default([]),
  assetTypes: z.array(AssetType).max(30).default([]),
  vendors: z.array(z.string().max(100)).max(MAX_VENDORS).default([]),
  languages: z.array(Language).max(2).default([]),
  statuses: z.array(ArticleStatus).max(2).default([]),
});
export type ArticleFilter = z.output<typeof ArticleFilter>;
export type ArticleFilterInput = z.input<typeof ArticleFilter>;

/** [start, end) offsets (UTF-16 code units, as JavaScript strings count) of matched text. */
export const TextRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type TextRange = z.infer<typeof TextRange>;

/** A piece of plain text with the search terms marked: the renderer highlights the ranges, never parses markup. */
export const Highlighted = z.object({ text: z.string(), ranges: z.array(TextRange) });
export type Highlighted = z.infer<typeof Highlighted>;

/** One row of the article list: the article without its body, plus where the search matched. */
export const ArticleHit = Article.omit({ body: true }).extend({
  title: Highlighted,
  snippet: Highlighted,
});
export type ArticleHit = z.infer<typeof ArticleHit>;

/** An article that may help with an incident being written. */
export const ArticleSuggestion = z.object({
  id: Id,
  title: z.string(),
  /** Plain text around the first match; `ranges` marks the matched words in it. */
  snippet: z.string(),
  ranges: z.array(TextRange),
  /** Higher is more relevant; only comparable within one answer. */
  score: z.number(),
});
export type ArticleSuggestion = z.infer<typeof ArticleSuggestion>;

export const LabelCount = z.object({ value: z.string(), count: z.number().int() });
export type LabelCount = z.infer<typeof LabelCount>;
