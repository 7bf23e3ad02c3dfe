/**
 * The knowledge base through the core API (createCore, as either transport
 * calls it) over a real SQLite file: Chinese and English search, suggestions
 * for an incident being written, and an article written from a resolved
 * incident. The file is closed and opened again so the indexes are read from
 * disk, not from a connection that built them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ArticleHit, ArticleSuggestion, LabelCount } from '@shared/domain/knowledge';
import { createCore, type Core } from '../../electron/core/core';

describe('knowledge base through the core API', () => {
  let dataDir: string;
  let core: Core;
  const ids = { stp: '', spanning: '', aircon: '', draft: '' };

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  const search = async (query: string, filter: Record<string, unknown> = {}) =>
    (await call<{ total: number; rows: ArticleHit[] }>('knowledge.list', { filter: { query, ...filter } })).rows;
  const titlesFor = async (query: string, filter: Record<string, unknown> = {}) => (await search(query, filter)).map((row) => row.title.text);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-knowledge-'));
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    await call('profile.save', { name: '张工', role: 'engineer' });

    ids.stp = (
      await call<Article>('knowledge.create', {
        title: '核心交换机端口频繁 up/down',
        body: '## 现象\n核心交换机多个端口反复 up/down。\n\n## 原因\n接入层私接小交换机形成环路，生成树未启用。\n\n## 处理方法\n接入端口启用 BPDU 保护。',
        language: 'zh-CN',
        tags: ['网络', 'STP'],
        assetTypes: ['switch'],
        vendors: ['Huawei'],
        status: 'published',
      })
    ).id;
    ids.spanning = (
      await call<Article>('knowledge.create', {
        title: 'Spanning tree loop after a cabling change',
        body: '## Symptoms\nPorts flapping on the distribution switch.\n\n## Cause\nA patch cable closed a loop.',
        language: 'en',
        tags: ['network', 'STP'],
        assetTypes: ['switch'],
        vendors: ['Cisco'],
        status: 'published',
      })
    ).id;
    ids.aircon = (
      await call<Article>('knowledge.create', {
        title: '机房空调高温告警',
        body: '## 现象\n空调报高压告警，机房温度 30 ℃。\n\n## 处理方法\n清洗冷凝器滤网。',
        language: 'zh-CN',
        tags: ['机房环境'],
        assetTypes: ['air-conditioner'],
        status: 'published',
      })
    ).id;
    ids.draft = (await call<Article>('knowledge.create', { title: '汇聚交换机堆叠分裂', body: '草稿', language: 'zh-CN' })).id;

    // Reopen: everything below reads the file written above.
    core.close();
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
  });

  afterAll(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds articles by a Chinese word of three characters, of two, and by an English word', async () => {
    expect((await titlesFor('交换机')).sort()).toEqual(['核心交换机端口频繁 up/down', '汇聚交换机堆叠分裂'].sort());
    expect(await titlesFor('核心')).toEqual(['核心交换机端口频繁 up/down']);
    expect(await titlesFor('spanning')).toEqual(['Spanning tree loop after a cabling change']);
    expect(await titlesFor('空调 滤网')).toEqual(['机房空调高温告警']);
    expect(await titlesFor('交换机', { statuses: ['published'] })).toEqual(['核心交换机端口频繁 up/down']);
    expect(await titlesFor('loop', { languages: ['zh-CN'] })).toEqual([]);

    const [hit] = await search('环路');
    expect(hit?.id).toBe(ids.stp);
    const [from, to] = hit?.snippet.ranges[0] ?? [0, 0];
    expect(hit?.snippet.text.slice(from, to)).toBe('环路');

    const tags = await call<LabelCount[]>('knowledge.tags', {});
    expect(tags[0]).toEqual({ value: 'STP', count: 2 });
  });

  it('suggests the related article for an incident being typed', async () => {
    const zh = await call<ArticleSuggestion[]>('knowledge.suggest', { text: '3楼核心交换机端口一直 up down，怀疑有环路' });
    expect(zh[0]).toMatchObject({ id: ids.stp, title: '核心交换机端口频繁 up/down' });
    expect(zh.map((s) => s.id)).not.toContain(ids.aircon);
    // Drafts are not offered.
    expect(zh.map((s) => s.id)).not.toContain(ids.draft);

    const en = await call<ArticleSuggestion[]>('knowledge.suggest', { text: 'Access switch ports flapping, maybe a loop' });
    expect(en[0]?.id).toBe(ids.spanning);

    expect(await call<ArticleSuggestion[]>('knowledge.suggest', { text: '打印机卡纸' })).toEqual([]);
  });

  it('writes an article from a resolved incident, and keeps deleted articles out of search and suggestions', async () => {
    const incident = await call<{ id: string }>('incidents.create', {
      title: 'UPS 电池告警',
      description: 'UPS 面板提示电池需要更换',
      category: 'hardware',
      impact: 'medium',
      urgency: 'medium',
      reporterName: '李主任',
    });
    const article = await call<Article>('knowledge.create', {
      title: 'UPS 电池告警',
      body: '## 现象\nUPS 面板提示电池需要更换',
      language: 'zh-CN',
      sourceType: 'incident',
      sourceId: incident.id,
      status: 'published',
    });
    expect(article).toMatchObject({ sourceType: 'incident', sourceId: incident.id, author: '张工' });
    expect(await callError('knowledge.create', { title: 'x', language: 'en', sourceType: 'incident', sourceId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'knowledge.source-not-found',
    });

    expect(await titlesFor('电池')).toEqual(['UPS 电池告警']);
    await call('knowledge.delete', { id: article.id });
    expect(await titlesFor('电池')).toEqual([]);
    expect((await call<ArticleSuggestion[]>('knowledge.suggest', { text: 'UPS 电池告警' })).map((s) => s.id)).not.toContain(article.id);
    expect(await callError('knowledge.get', { id: article.id })).toMatchObject({ code: 'knowledge.not-found' });
  });
});
