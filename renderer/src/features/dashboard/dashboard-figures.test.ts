import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceStatistics } from '@shared/domain/statistics';
import { i18next, resources } from '../../i18n/i18n';
import { AvailabilityFigure, FaultsFigure, WarrantyFigure } from './DeviceFigures';
import { CategoryFigure, MonthFigure, PriorityFigure, RoundsFigure, SlaFigure, TimesFigure } from './IncidentFigures';
import { SummaryCards } from './SummaryCards';

// The figures render without core: nothing here may call it.
vi.mock('../../api', () => ({ api: { call: vi.fn(), on: vi.fn(() => () => undefined) }, isApiClientError: () => false }));

void i18next.use(initReactI18next).init({ resources, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

const ASSET = '01890a5d-ac96-774b-bcce-b302099a8057';
const INCIDENT = '01890a5d-ac96-774b-bcce-b302099a8058';
const scope = { from: Date.UTC(2026, 9, 31, 16), to: Date.UTC(2026, 10, 30, 16), locationId: null, engineer: null, timeZone: 'Asia/Shanghai' };

const empty: ServiceStatistics = {
  scope,
  computedAt: Date.UTC(2026, 10, 27),
  devicesCovered: 0,
  rounds: { scheduled: 0, done: 0, overdue: 0, inProgress: 0, anomalies: 0 },
  incidents: {
    total: 0,
    byCategory: { hardware: 0, software: 0, network: 0, security: 0, environment: 0, other: 0 },
    byPriority: { P1: 0, P2: 0, P3: 0, P4: 0 },
    byMonth: [{ month: '2026-11', count: 0 }],
    open: 0,
    resolved: 0,
    systemDown: 0,
    meanTimeToRespondMs: null,
    meanTimeToResolveMs: null,
  },
  sla: { measured: 0, met: 0, breached: 0, compliance: null, breaches: [] },
  consultations: 0,
  problems: 0,
  changes: 0,
  changesImplemented: 0,
  availability: [],
  topFaultyAssets: [],
  warrantyEndingSoon: [],
};

const full: ServiceStatistics = {
  ...empty,
  devicesCovered: 42,
  rounds: { scheduled: 30, done: 26, overdue: 3, inProgress: 1, anomalies: 5 },
  incidents: {
    ...empty.incidents,
    total: 3,
    byCategory: { ...empty.incidents.byCategory, network: 2, hardware: 1 },
    byPriority: { ...empty.incidents.byPriority, P3: 3 },
    byMonth: [{ month: '2026-11', count: 3 }],
    resolved: 3,
    meanTimeToRespondMs: 70 * 60_000,
    meanTimeToResolveMs: 15 * 3_600_000,
  },
  sla: {
    measured: 6,
    met: 5,
    breached: 1,
    compliance: 5 / 6,
    breaches: [{ incidentId: INCIDENT, number: 'INC-20261104-0001-AB12', title: '硬盘故障', priority: 'P3', timer: 'resolution', dueAt: Date.UTC(2026, 10, 5, 2) }],
  },
  availability: [{ assetId: ASSET, name: '核心交换机', checks: 5, ok: 3, availability: 0.6 }],
  topFaultyAssets: [{ assetId: ASSET, name: '核心交换机', incidents: 2 }],
  warrantyEndingSoon: [{ assetId: ASSET, name: '核心交换机', warrantyEnd: '2027-01-15' }],
};

const FIGURES: ComponentType<{ stats: ServiceStatistics }>[] = [SummaryCards, RoundsFigure, CategoryFigure, PriorityFigure, MonthFigure, SlaFigure, TimesFigure, AvailabilityFigure, FaultsFigure];

function render(stats: ServiceStatistics, language: string): string {
  void i18next.changeLanguage(language);
  const figures = [...FIGURES.map((Figure) => createElement(Figure, { stats })), createElement(WarrantyFigure, { stats, today: '2026-11-27' })];
  return renderToStaticMarkup(createElement(MemoryRouter, null, ...figures));
}

describe('dashboard figures', () => {
  it('render an empty period in both languages with "none" messages and null ratios as a dash', () => {
    const en = render(empty, 'en');
    expect(en).toContain('None in this period.');
    expect(en).toContain('No SLA target ended in this period.');
    expect(en).toContain('—');
    const zh = render(empty, 'zh-CN');
    expect(zh).toContain('该周期内没有。');
    expect(zh).not.toContain('dashboard.');
  });

  it('render the numbers as tables beside the charts, with links to the records and the items', () => {
    const en = render(full, 'en');
    expect(en).toContain('83.3%');
    expect(en).toContain('26 / 30');
    expect(en).toContain('1 h 10 min');
    expect(en).toContain('INC-20261104-0001-AB12');
    expect(en).toContain(`href="/incidents/${INCIDENT}"`);
    expect(en).toContain(`href="/assets/${ASSET}"`);
    expect(en).toContain('/records?kind=incidents&amp;from=');
    expect(en).toContain('categories=network');
    expect(en).toContain('60%');
    expect(en).toMatch(/aria-label="Incidents by category as a table"/);
    const zh = render(full, 'zh-CN');
    expect(zh).toContain('网络');
    expect(zh).toContain('2026年11月');
    expect(zh).not.toContain('dashboard.');
  });
});
