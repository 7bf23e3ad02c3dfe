import { describe, expect, it } from 'vitest';
import type { Article } from '@shared/domain/knowledge';
import { changedFields, emptyValues, formValues, isDirty, validateArticle } from './article-form';

const article: Article = {
  id: '01936b2e-7c1a-7000-8000-000000000001',
  title: '机房空调高温告警',
  body: '## 现象\n温度 30 ℃',
  language: 'zh-CN',
  tags: ['机房环境'],
  assetTypes: ['air-conditioner'],
  vendors: ['Emerson'],
  sourceType: null,
  sourceId: null,
  status: 'published',
  author: '张工',
  createdAt: 1,
  updatedAt: 2,
};

describe('article form', () => {
  it('asks for a title and bounds lengths and counts', () => {
    expect(validateArticle(emptyValues('en'))).toEqual({ fields: null, problems: { title: { key: 'required' } } });
    const values = { ...emptyValues('zh-CN'), title: 'x'.repeat(201), body: 'y'.repeat(50_001), tags: ['t'.repeat(41)], vendors: Array.from({ length: 21 }, (_, i) => `v${i}`) };
    expect(validateArticle(values).problems).toEqual({
      title: { key: 'tooLong', values: { max: '200' } },
      body: { key: 'tooLong', values: { max: '50000' } },
      tags: { key: 'tagTooLong', values: { tag: 't'.repeat(41), max: '40' } },
      vendors: { key: 'tooMany', values: { max: '20' } },
    });
    expect(validateArticle({ ...emptyValues('en'), title: 'a', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).problems).toEqual({ tags: { key: 'tooMany', values: { max: '20' } } });
  });

  it('returns trimmed fields with labels de-duplicated', () => {
    const { fields } = validateArticle({ ...emptyValues('zh-CN'), title: '  核心交换机 ', tags: ['STP', 'stp ', '网络'], vendors: ['Huawei', ' huawei'] });
    expect(fields).toMatchObject({ title: '核心交换机', tags: ['STP', '网络'], vendors: ['Huawei'], status: 'draft', language: 'zh-CN', sourceType: null });
  });

  it('saves only what changed and knows when there is something to lose', () => {
    const values = formValues(article, 'en');
    expect(isDirty(values, formValues(article, 'en'))).toBe(false);
    const edited = { ...values, body: `${values.body}\n已处理`, tags: ['机房环境', '空调'] };
    expect(isDirty(values, edited)).toBe(true);
    const { fields } = validateArticle(edited);
    expect(changedFields(article, fields!)).toEqual({ body: `${article.body}\n已处理`, tags: ['机房环境', '空调'] });
    expect(changedFields(article, validateArticle(values).fields!)).toEqual({});
  });
});
