import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetFields, type AssetFieldsInput } from '@shared/domain/assets';
import { IncidentFields, type IncidentFieldsInput } from '@shared/domain/incidents';
import type { Profile } from '@shared/domain/profile';
import type { SlaPolicy, SlaPolicyFields } from '@shared/domain/sla';
import { DEFAULT_SLA_POLICY_FIELDS } from '@shared/sla';
import { IncidentFilter } from '@shared/api/incidents.contract';
import { AssetsService } from '../../assets/assets.service';
import { EventBus } from '../../events/event-bus';
import { LocationsService } from '../../locations/locations.service';
import { LocalStore } from '../../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../../testing/fixtures';
import { createIncidentsServices } from '../incidents.services';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Around the clock, so the expected timers are plain arithmetic. */
export const TEST_POLICY_FIELDS: SlaPolicyFields = {
  ...DEFAULT_SLA_POLICY_FIELDS,
  name: 'test 24x7',
  calendar: { kind: '24x7' },
  targets: {
    P1: { responseMinutes: 30, resolutionMinutes: 240, allDay: true },
    P2: { responseMinutes: 60, resolutionMinutes: 480, allDay: true },
    P3: { responseMinutes: 240, resolutionMinutes: 1440, allDay: true },
    P4: { responseMinutes: 480, resolutionMinutes: 4320, allDay: true },
  },
  pauseWhilePending: true,
  atRiskPercent: 75,
};

export function testPolicy(id: string, fields: Partial<SlaPolicyFields> = {}): SlaPolicy {
  return { ...TEST_POLICY_FIELDS, ...fields, id, createdAt: 0, updatedAt: 0 };
}

/**
 * A store in a temp dir with the incident services over it, a client with a
 * site, two rooms and assets, and a policy source that answers per client
 * (and records what it was asked).
 */
export async function incidentsSetup() {
  const dir = tempDataDir();
  const clock = manualClock(Date.UTC(2026, 10, 27, 1, 0, 0)); // 09:00 in Shanghai
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: dir, now: clock.now, actor: () => actor });
  const events = new EventBus();
  const seen: { name: string; payload: unknown }[] = [];
  events.on((name, payload) => seen.push({ name, payload }));
  const locations = new LocationsService(store, events);
  const assetsService = new AssetsService(store, events, clock.now);
  const client = locations.create({ kind: 'client', name: '市人民医院' });
  const site = locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const room = locations.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
  const otherClient = locations.create({ kind: 'client', name: 'Harbour Bank' });
  const otherSite = locations.create({ kind: 'site', clientId: otherClient.id, name: 'HQ' });
  const otherRoom = locations.create({ kind: 'room', siteId: otherSite.id, name: 'B1 Server room' });
  const asset = (fields: AssetFieldsInput) => assetsService.create(AssetFields.parse(fields)).id;
  const coreSwitch = asset({ type: 'switch', name: '核心交换机 S12700', roomId: room.id, managementIps: ['10.1.1.1'] });
  const bankServer = asset({ type: 'server', name: 'Core banking DB', roomId: otherRoom.id });

  const policies = new Map<string | null, SlaPolicy>([[null, testPolicy('00000000-0000-7000-8000-000000000001')]]);
  const policyAsks: (string | null)[] = [];
  const policySource = {
    effectivePolicy: (clientId: string | null) => {
      policyAsks.push(clientId);
      return policies.get(clientId) ?? (policies.get(null) as SlaPolicy);
    },
  };
  const { incidents, faultReports } = createIncidentsServices({ store, events, dataDir: dir, now: clock.now, actor: () => actor }, { policies: policySource });

  const create = (fields: Partial<IncidentFieldsInput> = {}) =>
    incidents.create(IncidentFields.parse({ title: '核心交换机端口故障', category: 'network', impact: 'high', urgency: 'medium', reporterName: '李护士长', ...fields }));
  const list = (filter: Partial<IncidentFilter> = {}, sort: { by?: string; direction?: 'asc' | 'desc' } = {}, page = { offset: 0, limit: 100 }) =>
    incidents.list({
      filter: IncidentFilter.parse(filter),
      sort: { by: (sort.by ?? 'reportedAt') as 'reportedAt', direction: sort.direction ?? 'desc' },
      ...page,
    });
  const titles = (filter: Partial<IncidentFilter> = {}, sort: { by?: string; direction?: 'asc' | 'desc' } = {}) => list(filter, sort).rows.map((i) => i.title);
  const setActor = (next: Profile | null) => {
    actor = next;
  };
  /** Rows in every table a failed call must leave alone. */
  const footprint = () =>
    Object.fromEntries(
      ['incidents', 'incident_events', 'incident_work_log', 'incident_evidence', 'outbox', 'audit_log'].map((table) => [
        table,
        (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      ]),
    );
  const rowOf = (id: string) => store.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Record<string, unknown>;
  /** The PDF on disk, read back by poppler as a person's viewer would. */
  const pdfText = (contentBase64: string) => {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(contentBase64, 'base64'));
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    };
  };
  return {
    store,
    clock,
    events,
    seen,
    locations,
    assetsService,
    incidents,
    faultReports,
    client,
    site,
    room,
    otherClient,
    otherRoom,
    coreSwitch,
    bankServer,
    policies,
    policyAsks,
    asset,
    create,
    list,
    titles,
    setActor,
    footprint,
    rowOf,
    pdfText,
  };
}
