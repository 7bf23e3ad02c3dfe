import { describe, expect, it } from 'vitest';
import { filterOf, queryFromView, viewFromQuery, withKind } from './records-query';

const NOW = Date.UTC(2026, 10, 15, 4);

describe('records view in the address', () => {
  it('reads a dashboard link: kind, period, place, engineer and narrowing lists', () => {
    const view = viewFromQuery(
      new URLSearchParams('kind=incidents&from=1761926400000&to=1764518400000&timeZone=Asia%2FShanghai&locationId=0190a1b2-0000-7000-8000-000000000001&engineer=%E5%BC%A0%E4%BC%9F&slaStates=missed,breached&categories=hardware'),
      NOW,
    );
    expect(view).toMatchObject({
      kind: 'incidents',
      period: { from: 1761926400000, to: 1764518400000 },
      timeZone: 'Asia/Shanghai',
      locationId: '0190a1b2-0000-7000-8000-000000000001',
      engineer: '张伟',
      slaStates: ['missed', 'breached'],
      categories: ['hardware'],
    });
    expect(filterOf(view)).toMatchObject({ kind: 'incidents', from: 1761926400000, slaStates: ['missed', 'breached'] });
  });

  it('falls back to this month of incidents and drops values a kind does not know', () => {
    const view = viewFromQuery(new URLSearchParams('kind=nonsense&statuses=signed,new&priorities=P9'), NOW);
    expect(view.kind).toBe('incidents');
    expect(view.preset).toBe('thisMonth');
    expect(view.statuses).toEqual(['new']);
    expect(view.priorities).toEqual([]);
    const rounds = viewFromQuery(new URLSearchParams('kind=rounds&priorities=P1&slaStates=met&categories=hardware'), NOW);
    expect(rounds).toMatchObject({ priorities: [], slaStates: [], categories: [] });
    expect(viewFromQuery(new URLSearchParams('kind=checkResults&engineer=x'), NOW).engineer).toBeNull();
  });

  it('round-trips through the address', () => {
    const view = viewFromQuery(new URLSearchParams('kind=changes&from=100&to=200&timeZone=UTC&statuses=completed&sort=title&direction=asc&search=%E4%BA%A4%E6%8D%A2'), NOW);
    expect(viewFromQuery(queryFromView(view), NOW)).toEqual(view);
    expect(view.sort).toEqual({ by: 'title', direction: 'asc' });
  });

  it('keeps the scope and clears the kind-specific filters on another tab', () => {
    const view = viewFromQuery(new URLSearchParams('kind=incidents&engineer=a&priorities=P1&locationId=x'), NOW);
    const rounds = withKind(view, 'rounds');
    expect(rounds).toMatchObject({ kind: 'rounds', engineer: 'a', locationId: 'x', priorities: [] });
    expect(withKind(view, 'checkResults').engineer).toBeNull();
  });
});
