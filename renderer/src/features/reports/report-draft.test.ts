import { describe, expect, it } from 'vitest';
import type { ServiceReportDetail } from '@shared/api/reports.contract';
import { draftOf, editOf, regenerated, sameDraft } from './report-draft';

const detail = {
  report: {
    title: '市人民医院 2026年10月 IT运维服务报告',
    narrative: { conclusion: '运行平稳' },
    typicalFaults: [],
    contractItems: [],
    drills: 0,
    status: 'draft',
  },
  defaults: { statistics: '本月共完成例行巡检 3 次', conclusion: '本月共处理故障 2 起' },
} as unknown as ServiceReportDetail;

describe('the report draft', () => {
  it('shows the typed text where there is one and the generated text elsewhere', () => {
    const draft = draftOf(detail);
    expect(draft.narrative.conclusion).toBe('运行平稳');
    expect(draft.narrative.statistics).toBe('本月共完成例行巡检 3 次');
    expect(draft.narrative.plan).toBe('');
  });

  it('sends generated paragraphs as null so they follow the figures, and typed ones as typed', () => {
    const draft = draftOf(detail);
    const edit = editOf({ ...draft, narrative: { ...draft.narrative, plan: '下月更换 UPS 电池' } }, detail.defaults);
    expect(edit.narrative?.statistics).toBeNull();
    expect(edit.narrative?.conclusion).toBe('运行平稳');
    expect(edit.narrative?.plan).toBe('下月更换 UPS 电池');
  });

  it('takes the new generated text on regenerate only where the paragraph was not edited', () => {
    const draft = draftOf(detail);
    const next = regenerated(draft, detail.defaults, { statistics: '本月共完成例行巡检 4 次', conclusion: '本月共处理故障 5 起' });
    expect(next.narrative.statistics).toBe('本月共完成例行巡检 4 次');
    expect(next.narrative.conclusion).toBe('运行平稳');
    expect(sameDraft(next, draft)).toBe(false);
    expect(sameDraft(draftOf(detail), draft)).toBe(true);
  });
});
