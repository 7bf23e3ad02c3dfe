import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@shared/domain/incidents';
import { enResources, zhCNResources } from '../../../i18n/locales';
import { describeTimelineEntry } from './timeline-text';

const instance = i18next.createInstance();
let en: TFunction;
let zh: TFunction;

beforeAll(async () => {
  await instance.init({ resources: { en: { translation: enResources }, 'zh-CN': { translation: zhCNResources } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  en = instance.getFixedT('en') as unknown as TFunction;
  zh = instance.getFixedT('zh-CN') as unknown as TFunction;
});

const entry = (kind: TimelineEntry['kind'], data: Record<string, unknown>): TimelineEntry => ({ at: 0, kind, actor: '张伟', data });

describe('timeline lines', () => {
  it('writes a status change with its words in both languages', () => {
    const line = entry('status', { from: 'new', to: 'acknowledged' });
    expect(describeTimelineEntry(line, en, { language: 'en' })).toEqual({ text: 'Status New → Acknowledged', detail: null });
    expect(describeTimelineEntry(line, zh, { language: 'zh-CN' }).text).toBe('状态：新建 → 已响应');
  });

  it('adds what a pending incident waits for and the note', () => {
    const line = entry('status', { from: 'in-progress', to: 'pending', pendingReason: 'parts', note: 'RMA 4711' });
    expect(describeTimelineEntry(line, en, { language: 'en' })).toEqual({ text: 'Status In progress → Pending – waiting for parts', detail: 'RMA 4711' });
  });

  it('shows time spent on a work log line and its text as detail', () => {
    expect(describeTimelineEntry(entry('work-log', { text: '更换风扇', minutesSpent: 90 }), zh, { language: 'zh-CN' })).toEqual({ text: '记录工作（1小时 30分钟）', detail: '更换风扇' });
    expect(describeTimelineEntry(entry('work-log', { text: 'remote check', minutesSpent: 0 }), en, { language: 'en' }).text).toBe('Work logged');
  });

  it('lists the resolution’s parts, labelled', () => {
    const line = entry('resolution', { cause: 'PSU failed', method: 'Replaced PSU', workaround: '' });
    expect(describeTimelineEntry(line, en, { language: 'en' })).toEqual({ text: 'Resolution recorded', detail: 'Cause: PSU failed\nWhat was done: Replaced PSU' });
  });

  it('names priority changes, assignments, evidence and edited fields', () => {
    expect(describeTimelineEntry(entry('priority', { from: 'P3', to: 'P1', reason: '院长办公室' }), en, { language: 'en' })).toEqual({ text: 'Priority P3 → P1', detail: '院长办公室' });
    expect(describeTimelineEntry(entry('assignee', { from: '', to: '李娜' }), zh, { language: 'zh-CN' }).text).toBe('指派给 李娜');
    expect(describeTimelineEntry(entry('assignee', { from: '李娜', to: '' }), en, { language: 'en' }).text).toBe('Assignee removed');
    expect(describeTimelineEntry(entry('evidence', { kind: 'check-result', label: 'ping 10.1.1.1: unreachable' }), en, { language: 'en' })).toEqual({
      text: 'Check result linked',
      detail: 'ping 10.1.1.1: unreachable',
    });
    expect(describeTimelineEntry(entry('edit', { fields: ['title', 'assetIds', 'somethingNew'] }), zh, { language: 'zh-CN' }).text).toBe('修改：标题、受影响资产、somethingNew');
  });

  it('says when an incident was reopened, marked system down, or got its fault report', () => {
    expect(describeTimelineEntry(entry('status', { from: 'closed', to: 'in-progress', reopened: true, note: '故障复现' }), zh, { language: 'zh-CN' })).toEqual({
      text: '重新打开（已关闭 → 处理中）',
      detail: '故障复现',
    });
    expect(describeTimelineEntry(entry('edit', { fields: ['systemDown'], from: false, to: true }), en, { language: 'en' }).text).toBe('Marked system down');
    expect(describeTimelineEntry(entry('edit', { fields: ['systemDown'], from: true, to: false }), en, { language: 'en' }).text).toBe('No longer system down');
    expect(describeTimelineEntry(entry('fault-report', { faultType: '硬件故障' }), zh, { language: 'zh-CN' })).toEqual({ text: '保存故障处理报告', detail: '硬件故障' });
  });

  it('still writes a sensible line when core sends data this build does not know', () => {
    expect(describeTimelineEntry(entry('status', { from: 'new', to: 'escalated' }), en, { language: 'en' }).text).toBe('Status New → escalated');
    expect(describeTimelineEntry(entry('created', {}), en, { language: 'en' }).text).toBe('Incident recorded');
    expect(describeTimelineEntry(entry('created', { priority: 'P2' }), zh, { language: 'zh-CN' }).text).toBe('登记事件，优先级 P2');
    expect(describeTimelineEntry(entry('edit', {}), en, { language: 'en' }).text).toBe('Details edited');
  });
});
