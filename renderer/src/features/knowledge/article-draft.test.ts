import { describe, expect, it } from 'vitest';
import type { Incident } from '@shared/domain/incidents';
import { ArticleFields } from '@shared/domain/knowledge';
import type { Problem } from '@shared/domain/problems';
import { buildArticleDraft, incidentDraftSource, problemDraftSource, type DraftSource } from './article-draft';

const ZH = { symptoms: '现象', cause: '原因', method: '处理方法', workaround: '临时措施' };
const EN = { symptoms: 'Symptoms', cause: 'Cause', method: 'Method', workaround: 'Workaround' };

const incident: DraftSource = {
  type: 'incident',
  id: '01936b2e-7c1a-7000-8000-000000000001',
  title: ' 核心交换机端口频繁 up/down ',
  symptoms: '3F 核心交换机多个端口反复 up/down。',
  cause: '接入层私接小交换机形成环路。',
  method: '接入端口启用 BPDU 保护，拆除环路。',
  workaround: '临时关闭 Gi0/0/12 端口。',
  tags: ['网络'],
  assets: [
    { type: 'switch', vendor: 'Huawei' },
    { type: 'switch', vendor: 'huawei' },
    { type: 'router', vendor: '' },
  ],
};

describe('buildArticleDraft', () => {
  it('lays out a resolved incident as a Chinese Markdown draft linked to it', () => {
    const draft = buildArticleDraft(incident, 'zh-CN', ZH);
    expect(draft).toEqual({
      title: '核心交换机端口频繁 up/down',
      body:
        '## 现象\n\n3F 核心交换机多个端口反复 up/down。\n\n' +
        '## 原因\n\n接入层私接小交换机形成环路。\n\n' +
        '## 处理方法\n\n接入端口启用 BPDU 保护，拆除环路。\n\n' +
        '## 临时措施\n\n临时关闭 Gi0/0/12 端口。\n',
      language: 'zh-CN',
      tags: ['网络'],
      assetTypes: ['switch', 'router'],
      vendors: ['Huawei'],
      sourceType: 'incident',
      sourceId: incident.id,
      status: 'draft',
    });
    // What the draft becomes is a valid article as it stands.
    expect(ArticleFields.safeParse(draft).success).toBe(true);
  });

  it('uses the headings of the language picked, keeps empty sections as headings and leaves out an empty workaround', () => {
    const draft = buildArticleDraft({ ...incident, cause: '', workaround: '  ', assets: [], tags: [] }, 'en', EN);
    expect(draft.body).toBe('## Symptoms\n\n3F 核心交换机多个端口反复 up/down。\n\n## Cause\n\n## Method\n\n接入端口启用 BPDU 保护，拆除环路。\n');
    expect(draft).toMatchObject({ language: 'en', assetTypes: [], vendors: [], tags: [] });
  });

  it('links a draft from a problem to the problem', () => {
    expect(buildArticleDraft({ ...incident, type: 'problem' }, 'zh-CN', ZH)).toMatchObject({ sourceType: 'problem', sourceId: incident.id });
  });
});

describe('draft sources', () => {
  const switchAsset = [{ type: 'switch' as const, vendor: 'Huawei' }];

  it('takes an incident’s description and resolution', () => {
    // Only the fields a draft reads; the rest of an incident does not matter here.
    const resolved = {
      id: incident.id,
      title: 'UPS 电池告警',
      description: '面板提示更换电池',
      resolution: { cause: '电池老化', method: '更换电池组', workaround: '' },
    } as Incident;
    expect(incidentDraftSource(resolved, switchAsset, '硬件')).toEqual({
      type: 'incident',
      id: incident.id,
      title: 'UPS 电池告警',
      symptoms: '面板提示更换电池',
      cause: '电池老化',
      method: '更换电池组',
      workaround: '',
      tags: ['硬件'],
      assets: switchAsset,
    });
    expect(incidentDraftSource({ ...resolved, resolution: null }, [], '硬件')).toMatchObject({ cause: '', method: '', workaround: '' });
  });

  it('takes a defect’s confirmed cause and resolution, and a consultation’s question and answer', () => {
    const defect = {
      id: incident.id,
      type: 'defect',
      title: '报表导出乱码',
      description: '导出的 CSV 中文乱码',
      question: '',
      answer: '',
      analysisNotes: '编码问题',
      confirmationNotes: '导出未写 BOM',
      resolution: '升级到 2.3.1',
    } as Problem;
    expect(problemDraftSource(defect, [], '技术问题')).toMatchObject({ type: 'problem', symptoms: '导出的 CSV 中文乱码', cause: '导出未写 BOM', method: '升级到 2.3.1', tags: ['技术问题'] });
    expect(problemDraftSource({ ...defect, confirmationNotes: '' }, [], null)).toMatchObject({ cause: '编码问题', tags: [] });

    const consultation = { ...defect, type: 'consultation', question: '如何重置 VPN 密码？', answer: '在自助门户重置。' } as Problem;
    expect(problemDraftSource(consultation, [], null)).toMatchObject({ symptoms: '如何重置 VPN 密码？', cause: '', method: '在自助门户重置。' });
  });
});
