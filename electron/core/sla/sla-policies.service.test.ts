import { describe, expect, it } from 'vitest';
import type { SlaPolicyFields } from '@shared/domain/sla';
import { DEFAULT_SLA_POLICY_FIELDS, DEFAULT_SLA_POLICY_ID } from '@shared/sla';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { createSlaServices } from './sla.services';

async function setup(actor: typeof TEST_ACTOR | null = TEST_ACTOR) {
  const clock = manualClock();
  let who = actor;
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => who });
  const events = new EventBus();
  const changes: string[][] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changes.push((payload as { entities: string[] }).entities);
  });
  who = TEST_ACTOR;
  const locations = new LocationsService(store, events);
  const hospital = locations.create({ kind: 'client', name: '市人民医院' }).id;
  const school = locations.create({ kind: 'client', name: '第一中学' }).id;
  who = actor;
  const { policies } = createSlaServices({ store, events, dataDir: '', now: clock.now });
  const rows = () => store.db.prepare('SELECT count(*) AS n FROM sla_policies').get() as { n: number };
  const audit = () => store.db.prepare("SELECT action FROM audit_log WHERE entity = 'slaPolicy' ORDER BY rowid").all() as { action: string }[];
  return { store, events, changes, locations, policies, hospital, school, clock, rows, audit, setActor: (a: typeof TEST_ACTOR | null) => (who = a) };
}

function fields(overrides: Partial<SlaPolicyFields> = {}): SlaPolicyFields {
  return { ...structuredClone(DEFAULT_SLA_POLICY_FIELDS), name: '医院合同 7×24', ...overrides };
}

describe('SlaPoliciesService', () => {
  it('stops listening to the event bus when closed (services are rebuilt after a restore)', async () => {
    const { store, events } = await setup();
    let listening = 0;
    const on = events.on.bind(events);
    events.on = (listener) => {
      listening += 1;
      const off = on(listener);
      return () => {
        listening -= 1;
        off();
      };
    };
    const { policies: rebuilt } = createSlaServices({ store, events, dataDir: '', now: Date.now });
    expect(listening).toBe(1);
    rebuilt.close();
    expect(listening).toBe(0);
  });

  it('has the built-in default before anything is saved, without writing (even with no profile)', async () => {
    const { policies, rows, hospital } = await setup(null);
    expect(policies.list()).toEqual([{ ...DEFAULT_SLA_POLICY_FIELDS, id: DEFAULT_SLA_POLICY_ID, createdAt: 0, updatedAt: 0 }]);
    expect(policies.effectivePolicy(hospital)).toMatchObject({ id: DEFAULT_SLA_POLICY_ID, clientId: null, name: DEFAULT_SLA_POLICY_FIELDS.name });
    expect(policies.effectivePolicy(null).id).toBe(DEFAULT_SLA_POLICY_ID);
    expect(rows().n).toBe(0);
    expect(() => policies.save({ fields: fields({ clientId: hospital }) })).toThrow(expect.objectContaining({ code: 'profile.required' }));
  });

  it("saves a client's policy through the write path and uses it for that client only", async () => {
    const { policies, hospital, school, audit, changes, store } = await setup();
    const saved = policies.save({ fields: fields({ clientId: hospital, calendar: { kind: '24x7' }, atRiskPercent: 80 }) });
    expect(saved).toMatchObject({ clientId: hospital, name: '医院合同 7×24', calendar: { kind: '24x7' }, atRiskPercent: 80, pauseWhilePending: true });
    expect(policies.effectivePolicy(hospital).id).toBe(saved.id);
    expect(policies.effectivePolicy(school).id).toBe(DEFAULT_SLA_POLICY_ID);
    expect(policies.list().map((p) => p.id)).toEqual([DEFAULT_SLA_POLICY_ID, saved.id]);
    expect(audit()).toEqual([{ action: 'create' }]);
    expect(changes.at(-1)).toEqual(['slaPolicy']);
    const outbox = store.db.prepare("SELECT op, fields FROM outbox WHERE entity = 'slaPolicy'").get() as { op: string; fields: string };
    expect(outbox.op).toBe('insert');
    expect(JSON.parse(outbox.fields)).toMatchObject({ clientId: hospital, calendar: { kind: '24x7' }, pauseWhilePending: 1 });
  });

  it('refuses a second policy for the same client, writing nothing', async () => {
    const { policies, hospital, school, rows } = await setup();
    const first = policies.save({ fields: fields({ clientId: hospital }) });
    expect(() => policies.save({ fields: fields({ clientId: hospital, name: 'again' }) })).toThrow(
      expect.objectContaining({ code: 'sla.duplicate-client', details: { field: 'clientId', existingId: first.id } }),
    );
    const other = policies.save({ fields: fields({ clientId: school }) });
    expect(() => policies.save({ id: other.id, fields: fields({ clientId: hospital }) })).toThrow(expect.objectContaining({ code: 'sla.duplicate-client' }));
    expect(() => policies.save({ id: other.id, fields: fields({ clientId: null }) })).toThrow(expect.objectContaining({ code: 'sla.duplicate-client' }));
    expect(rows().n).toBe(2);
    expect(policies.effectivePolicy(school).id).toBe(other.id);
  });

  it('edits the default under its fixed id, keeps it the default, and never deletes it', async () => {
    const { policies, hospital, audit } = await setup();
    const edited = policies.save({ id: DEFAULT_SLA_POLICY_ID, fields: fields({ name: '公司标准', clientId: null, atRiskPercent: 60 }) });
    expect(edited).toMatchObject({ id: DEFAULT_SLA_POLICY_ID, name: '公司标准', atRiskPercent: 60, clientId: null });
    expect(policies.effectivePolicy(hospital)).toMatchObject({ id: DEFAULT_SLA_POLICY_ID, atRiskPercent: 60 });
    expect(policies.list()).toHaveLength(1);
    policies.save({ id: DEFAULT_SLA_POLICY_ID, fields: fields({ name: '公司标准 v2', clientId: null }) });
    expect(audit()).toEqual([{ action: 'create' }, { action: 'update' }]);
    expect(() => policies.save({ fields: fields({ clientId: null }) })).toThrow(expect.objectContaining({ code: 'sla.duplicate-client' }));
    expect(() => policies.save({ id: DEFAULT_SLA_POLICY_ID, fields: fields({ clientId: hospital }) })).toThrow(
      expect.objectContaining({ code: 'sla.default-required', details: { field: 'clientId' } }),
    );
    expect(() => policies.delete(DEFAULT_SLA_POLICY_ID)).toThrow(expect.objectContaining({ code: 'sla.default-required' }));
    expect(policies.effectivePolicy(null).name).toBe('公司标准 v2');
  });

  it('saving a new policy with no client makes the default when none is stored', async () => {
    const { policies } = await setup();
    expect(policies.save({ fields: fields({ clientId: null, name: '默认' }) }).id).toBe(DEFAULT_SLA_POLICY_ID);
  });

  it('deletes a client policy: its incidents fall back to the default', async () => {
    const { policies, hospital, audit } = await setup();
    const saved = policies.save({ fields: fields({ clientId: hospital }) });
    expect(policies.effectivePolicy(hospital).id).toBe(saved.id);
    expect(policies.delete(saved.id)).toEqual({ id: saved.id });
    expect(policies.effectivePolicy(hospital).id).toBe(DEFAULT_SLA_POLICY_ID);
    expect(policies.list().map((p) => p.id)).toEqual([DEFAULT_SLA_POLICY_ID]);
    expect(() => policies.delete(saved.id)).toThrow(expect.objectContaining({ code: 'sla.policy-not-found' }));
    expect(() => policies.save({ id: saved.id, fields: fields({ clientId: hospital }) })).toThrow(expect.objectContaining({ code: 'sla.policy-not-found' }));
    // The client may get a new policy after the old one was deleted.
    policies.save({ fields: fields({ clientId: hospital }) });
    expect(audit().map((a) => a.action)).toEqual(['create', 'delete', 'create']);
  });

  it('refuses an invalid calendar or an unknown client, writing nothing', async () => {
    const { policies, hospital, rows } = await setup();
    const business = DEFAULT_SLA_POLICY_FIELDS.calendar;
    if (business.kind !== 'business') throw new Error('the default is a business calendar');
    expect(() => policies.save({ fields: fields({ clientId: hospital, calendar: { ...business, timeZone: 'Asia/Nowhere' } }) })).toThrow(
      expect.objectContaining({ code: 'sla.invalid-calendar', details: { field: 'timeZone' } }),
    );
    expect(() => policies.save({ fields: fields({ clientId: hospital, calendar: { ...business, start: '18:00', end: '09:00' } }) })).toThrow(
      expect.objectContaining({ code: 'sla.invalid-calendar', details: { field: 'end' } }),
    );
    expect(() => policies.save({ fields: fields({ clientId: '0193e2a0-0000-7000-8000-0000000000ff' }) })).toThrow(
      expect.objectContaining({ code: 'locations.not-found', details: { field: 'clientId' } }),
    );
    expect(() => policies.save({ fields: fields({ clientId: hospital, atRiskPercent: 100 }) })).toThrow();
    expect(rows().n).toBe(0);
  });

  it('stores one spelling: weekdays and dates sorted and unique, so saving the same form twice changes nothing', async () => {
    const { policies, hospital, audit } = await setup();
    const business = DEFAULT_SLA_POLICY_FIELDS.calendar;
    if (business.kind !== 'business') throw new Error('the default is a business calendar');
    const calendar = { ...business, weekdays: [5, 1, 3, 1], holidays: ['2026-10-02', '2026-10-01', '2026-10-02'], extraWorkdays: ['2026-10-10'] };
    const saved = policies.save({ fields: fields({ clientId: hospital, calendar }) });
    expect(saved.calendar).toMatchObject({ weekdays: [1, 3, 5], holidays: ['2026-10-01', '2026-10-02'] });
    policies.save({ id: saved.id, fields: fields({ clientId: hospital, calendar }) });
    expect(audit()).toEqual([{ action: 'create' }]);
  });

  it('caches the effective policy and forgets it on any change, including one that arrives by sync', async () => {
    const { policies, hospital, events, store } = await setup();
    const saved = policies.save({ fields: fields({ clientId: hospital, atRiskPercent: 70 }) });
    const first = policies.effectivePolicy(hospital);
    expect(policies.effectivePolicy(hospital)).toBe(first);
    expect(Object.isFrozen(first.calendar)).toBe(true);
    policies.save({ id: saved.id, fields: fields({ clientId: hospital, atRiskPercent: 90 }) });
    expect(policies.effectivePolicy(hospital).atRiskPercent).toBe(90);
    // A pulled change is written by the sync code and announced on the bus.
    store.db.prepare('UPDATE sla_policies SET at_risk_percent = 50 WHERE id = ?').run(saved.id);
    expect(policies.effectivePolicy(hospital).atRiskPercent).toBe(90);
    events.emit('records.changed', { entities: ['slaPolicy'] });
    expect(policies.effectivePolicy(hospital).atRiskPercent).toBe(50);
  });

  it('passes over a damaged synced policy instead of failing every incident list', async () => {
    const { policies, hospital, store } = await setup();
    const saved = policies.save({ fields: fields({ clientId: hospital }) });
    store.db.prepare(`UPDATE sla_policies SET calendar = '{"kind":"business","timeZone":"Atlantis/Capital"}' WHERE id = ?`).run(saved.id);
    expect(policies.effectivePolicy(hospital).id).toBe(DEFAULT_SLA_POLICY_ID);
  });

  it('picks the oldest when sync brought two live policies for one client', async () => {
    const { policies, hospital, store, clock } = await setup();
    const first = policies.save({ fields: fields({ clientId: hospital, name: 'A' }) });
    clock.advance(1000);
    store.db
      .prepare(
        `INSERT INTO sla_policies (id, name, client_id, calendar, targets, pause_while_pending, at_risk_percent, system_down, created_at, updated_at)
         SELECT '0193e2a0-0000-7000-8000-0000000000aa', 'B', client_id, calendar, targets, pause_while_pending, at_risk_percent, system_down, created_at + 1000, updated_at
         FROM sla_policies WHERE id = ?`,
      )
      .run(first.id);
    expect(policies.effectivePolicy(hospital).name).toBe('A');
    expect(policies.list().map((p) => p.name)).toEqual([DEFAULT_SLA_POLICY_FIELDS.name, 'A', 'B']);
  });
});
