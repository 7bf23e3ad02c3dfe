import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PlanFields, type EmergencyPlan } from '@shared/domain/emergency-plans';
import { i18next, resources } from '../../i18n/i18n';
import { EmergencyPlansButton } from './EmergencyPlansButton';
import { PlanEditor } from './PlanEditor';
import { valuesFromPlan } from './plan-form-model';
import { PlanReader } from './PlanReader';

// The views render without core: nothing here may call it.
vi.mock('../../api', () => ({ api: { call: vi.fn(), on: vi.fn(() => () => undefined) }, isApiClientError: () => false }));

void i18next.use(initReactI18next).init({ resources, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

const plan: EmergencyPlan = {
  ...PlanFields.parse({
    title: '机房市电中断应急预案',
    clientId: '01890a5d-ac96-774b-bcce-b302099a8057',
    scenario: 'power-failure',
    severity: 'critical',
    language: 'zh-CN',
    triggerConditions: '市电中断，UPS 转电池供电',
    steps: [
      { title: '确认 UPS 状态', instructions: '查看 UPS 面板', responsibleRole: '值班工程师', expectedMinutes: 10, checkItem: 'UPS 已转电池供电' },
      { title: '通知客户' },
    ],
    contacts: [
      { key: 'duty', name: '李工', role: '值班工程师', phones: ['138 0013 8000', '0571-8888 1234'], escalationLevel: 1 },
      { key: 'grid', name: '供电服务热线', phones: ['95598'], escalationLevel: 2 },
    ],
    callList: [
      { contactKey: 'duty', afterMinutes: 0 },
      { contactKey: 'grid', afterMinutes: 15, note: '询问恢复时间' },
    ],
    strategies: '## 预防措施\n\n- 每月检查 UPS\n\n<script>alert(1)</script>',
  }),
  id: '01890a5d-ac96-774b-bcce-b302099a8058',
  clientName: '市人民医院',
  siteName: null,
  templateId: null,
  createdAt: 1,
  updatedAt: 2,
};

// Loosely typed on purpose: each test passes the props its view declares.
const render = <P extends object>(element: ComponentType<P>, props: P) => renderToStaticMarkup(createElement(MemoryRouter, null, createElement(element, props)));

describe('emergency plan views', () => {
  it('reads a plan: numbered steps to tick, timed call list with numbers as text, contacts, strategies as Markdown', async () => {
    await i18next.changeLanguage('en');
    const html = render(PlanReader, { plan });
    expect(html).toContain('>1. 确认 UPS 状态</label>');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('0 of 2 done');
    expect(html).toContain('are not saved to the plan');
    expect(html).toContain('T + 15 min');
    expect(html).toContain('≈ 10 min');
    expect(html).toContain('Check: UPS 已转电池供电');
    expect(html).toContain('95598');
    expect(html).toContain('aria-label="Copy 138 0013 8000 (李工)"');
    expect(html).toContain('<h3>预防措施</h3>');
    // No link that navigates (the app blocks navigation), no raw HTML from the plan.
    expect(html).not.toMatch(/href="tel:|<script/);
  });

  it('reads in Chinese too', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render(PlanReader, { plan });
    expect(html).toContain('启动后 15 分钟');
    expect(html).toContain('已完成 0 / 2');
    expect(html).toContain('不会保存到预案中');
    await i18next.changeLanguage('en');
  });

  it('edits a plan with keyboard-reachable row controls', () => {
    const html = render(PlanEditor, { heading: 'Edit plan', initial: valuesFromPlan(plan), onSave: vi.fn(), onCancel: vi.fn() });
    expect(html).toContain('Move Step 2 up');
    expect(html).toContain('Remove Contact 1');
    expect(html).toContain('138 0013 8000\n0571-8888 1234');
    expect(html).toContain('Add call');
  });

  it('puts the emergency plans button in the top bar with a label', () => {
    expect(render(EmergencyPlansButton, {})).toContain('aria-label="Emergency plans"');
  });
});
