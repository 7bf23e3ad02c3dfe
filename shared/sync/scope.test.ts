import { describe, expect, it } from 'vitest';
import { placementSource, parentRef } from './placement';
import { canRead, canWrite, receivesRecord, scopeContains, type ResolvedScope } from './scope';

const site = (clientIds: string[], siteIds: string[], siteClientIds: string[] = []): ResolvedScope => ({ all: false, clientIds, siteIds, siteClientIds });

describe('scope rules', () => {
  const hospital = { clientId: 'c-hospital', siteId: null };
  const hospitalEast = { clientId: 'c-hospital', siteId: 's-east' };
  const bank = { clientId: 'c-bank', siteId: 's-bank-hq' };
  const nowhere = { clientId: null, siteId: null };

  it('lets a client-scoped user read and write everything of that client, and organisation-wide records', () => {
    const scope = site(['c-hospital'], []);
    for (const placement of [hospital, hospitalEast, nowhere]) {
      expect(canRead(scope, placement)).toBe(true);
      expect(canWrite(scope, placement)).toBe(true);
    }
    expect(canRead(scope, bank)).toBe(false);
    expect(canWrite(scope, bank)).toBe(false);
  });

  it('lets a site-scoped user write its site, read but not write client-level records of that client', () => {
    const scope = site([], ['s-east'], ['c-hospital']);
    expect(canWrite(scope, hospitalEast)).toBe(true);
    expect(canRead(scope, hospital)).toBe(true);
    expect(canWrite(scope, hospital)).toBe(false);
    expect(canRead(scope, { clientId: 'c-hospital', siteId: 's-west' })).toBe(false);
    expect(canRead(scope, bank)).toBe(false);
  });

  it('gives an all-scope user everything', () => {
    const all: ResolvedScope = { all: true, clientIds: [], siteIds: [], siteClientIds: [] };
    expect(canWrite(all, bank) && canRead(all, hospital)).toBe(true);
  });

  it("sends engineers other people's work only when it is theirs; reference data to everyone", () => {
    const engineer = { id: 'u-li', role: 'engineer' as const };
    const supervisor = { id: 'u-wang', role: 'supervisor' as const };
    const others = { kind: 'work' as const, ownerUserId: 'u-zhao', peerUserId: null };
    expect(receivesRecord(engineer, others)).toBe(false);
    expect(receivesRecord(engineer, { ...others, ownerUserId: 'u-li' })).toBe(true);
    expect(receivesRecord(engineer, { ...others, peerUserId: 'u-li' })).toBe(true);
    expect(receivesRecord(engineer, { ...others, kind: 'reference' })).toBe(true);
    expect(receivesRecord(supervisor, others)).toBe(true);
  });

  it('lets a supervisor hand out only scopes inside their own', () => {
    const supervisor = site(['c-hospital'], ['s-bank-hq'], ['c-bank']);
    expect(scopeContains(supervisor, { all: false, clientIds: ['c-hospital'], siteIds: ['s-east', 's-bank-hq'] }, ['s-east'])).toBe(true);
    expect(scopeContains(supervisor, { all: false, clientIds: ['c-bank'], siteIds: [] }, ['s-east'])).toBe(false);
    expect(scopeContains(supervisor, { all: true, clientIds: [], siteIds: [] }, [])).toBe(false);
    expect(scopeContains(supervisor, { all: false, clientIds: [], siteIds: ['s-bank-branch'] }, ['s-east'])).toBe(false);
  });
});

describe('placement of records', () => {
  it('places clients and sites directly', () => {
    expect(placementSource('client', 'c1', { name: 'x' })).toEqual({ kind: 'fixed', placement: { clientId: 'c1', siteId: null } });
    expect(placementSource('site', 's1', { clientId: 'c1' })).toEqual({ kind: 'fixed', placement: { clientId: 'c1', siteId: 's1' } });
  });

  it('follows the first known reference: asset by room, rack, then host', () => {
    expect(placementSource('asset', 'a1', { roomId: 'r1', rackId: 'k1', installedOnId: null })).toEqual({
      kind: 'refs',
      refs: [
        { entities: ['room'], id: 'r1' },
        { entities: ['rack'], id: 'k1' },
      ],
    });
  });

  it('places an incident by its location (any level), then its first asset', () => {
    expect(placementSource('incident', 'i1', { locationId: 'x', assetIds: ['a1', 'a2'] })).toEqual({
      kind: 'refs',
      refs: [
        { entities: ['client', 'site', 'room', 'rack'], id: 'x' },
        { entities: ['asset'], id: 'a1' },
      ],
    });
  });

  it('places children by their parent and attachments by their owner', () => {
    expect(placementSource('incidentWorkLog', 'w1', { incidentId: 'i1' })).toEqual({ kind: 'refs', refs: [{ entities: ['incident'], id: 'i1' }] });
    expect(placementSource('roundEntry', 'e1', { roundId: 'r1' })).toEqual({ kind: 'refs', refs: [{ entities: ['round'], id: 'r1' }] });
    expect(placementSource('attachment', 'f1', { ownerType: 'work-log', ownerId: 'w1' })).toEqual({ kind: 'refs', refs: [{ entities: ['incidentWorkLog'], id: 'w1' }] });
    expect(parentRef('attachment', { ownerType: 'round-item', ownerId: 'e1' })).toEqual({ entities: ['roundEntry'], id: 'e1' });
    expect(parentRef('problemStep', { problemId: 'p1' })).toEqual({ entities: ['problem'], id: 'p1' });
    expect(parentRef('incident', {})).toBeNull();
  });

  it('places rounds and schedules by their target room or first asset', () => {
    expect(placementSource('roundSchedule', 's1', { target: { kind: 'room', roomId: 'r1' } })).toEqual({ kind: 'refs', refs: [{ entities: ['room'], id: 'r1' }] });
    expect(placementSource('round', 'r1', { roomId: null, target: { kind: 'assets', assetIds: ['a9'] } })).toEqual({
      kind: 'refs',
      refs: [{ entities: ['asset'], id: 'a9' }],
    });
  });

  it('leaves knowledge, templates and a default SLA policy organisation-wide, and conflicts where they were', () => {
    const nowhere = { kind: 'fixed', placement: { clientId: null, siteId: null } };
    expect(placementSource('knowledgeArticle', 'k1', { title: 't' })).toEqual(nowhere);
    expect(placementSource('checklistTemplate', 't1', {})).toEqual(nowhere);
    expect(placementSource('slaPolicy', 'p1', { clientId: null })).toEqual(nowhere);
    expect(placementSource('conflict', 'x1', {})).toEqual({ kind: 'keep' });
  });
});
