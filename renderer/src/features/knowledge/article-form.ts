import type { AssetType } from '@shared/domain/assets';
import {
  MAX_ARTICLE_BODY,
  MAX_ARTICLE_TITLE,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_VENDORS,
  normaliseLabels,
  type Article,
  type ArticleFields,
  type ArticleFieldsInput,
  type ArticlePatch,
  type ArticleSourceType,
  type ArticleStatus,
} from '@shared/domain/knowledge';
import type { Language } from '@shared/domain/profile';

/** The editor's fields, as typed. */
export interface ArticleFormValues {
  title: string;
  body: string;
  language: Language;
  status: ArticleStatus;
  tags: string[];
  assetTypes: AssetType[];
  vendors: string[];
  sourceType: ArticleSourceType | null;
  sourceId: string | null;
}

export type ArticleFormField = 'title' | 'body' | 'tags' | 'vendors';

/** A problem with one field, as a translation key under knowledge.form.problems and its values. */
export interface FieldProblem {
  key: 'required' | 'tooLong' | 'tooMany' | 'tagTooLong';
  values?: { max?: string; tag?: string };
}

export type FormProblems = Partial<Record<ArticleFormField, FieldProblem>>;

export function formValues(from: ArticleFieldsInput | Article, fallbackLanguage: Language): ArticleFormValues {
  return {
    title: from.title,
    body: from.body ?? '',
    language: from.language ?? fallbackLanguage,
    status: from.status ?? 'draft',
    tags: [...(from.tags ?? [])],
    assetTypes: [...(from.assetTypes ?? [])],
    vendors: [...(from.vendors ?? [])],
    sourceType: from.sourceType ?? null,
    sourceId: from.sourceId ?? null,
  };
}

export function emptyValues(language: Language): ArticleFormValues {
  return formValues({ title: '', language }, language);
}

/**
 * The rules of the shared article schema, checked before saving so each
 * problem shows at its field in the user's language. Returns the fields to
 * save when there is none.
 */
export function validateArticle(values: ArticleFormValues): { fields: ArticleFields | null; problems: FormProblems } {
  const problems: FormProblems = {};
  const title = values.title.trim();
  if (!title) problems.title = { key: 'required' };
  else if (title.length > MAX_ARTICLE_TITLE) problems.title = { key: 'tooLong', values: { max: String(MAX_ARTICLE_TITLE) } };
  if (values.body.length > MAX_ARTICLE_BODY) problems.body = { key: 'tooLong', values: { max: String(MAX_ARTICLE_BODY) } };
  const tags = normaliseLabels(values.tags);
  const longTag = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (longTag) problems.tags = { key: 'tagTooLong', values: { tag: longTag, max: String(MAX_TAG_LENGTH) } };
  else if (tags.length > MAX_TAGS) problems.tags = { key: 'tooMany', values: { max: String(MAX_TAGS) } };
  const vendors = normaliseLabels(values.vendors);
  if (vendors.length > MAX_VENDORS) problems.vendors = { key: 'tooMany', values: { max: String(MAX_VENDORS) } };
  if (Object.keys(problems).length > 0) return { fields: null, problems };
  return {
    fields: {
      title,
      body: values.body,
      language: values.language,
      status: values.status,
      tags,
      assetTypes: [...new Set(values.assetTypes)],
      vendors,
      sourceType: values.sourceType,
      sourceId: values.sourceId,
    },
    problems,
  };
}

/** Only what changed, so an edit does not rewrite (and re-audit) the whole article. */
export function changedFields(before: Article, after: ArticleFields): ArticlePatch {
  const patch: ArticlePatch = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(after) as (keyof ArticleFields)[]) {
    if (!same(before[key], after[key])) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}

/** Whether the editor holds anything the user would lose by leaving. */
export function isDirty(initial: ArticleFormValues, current: ArticleFormValues): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}
