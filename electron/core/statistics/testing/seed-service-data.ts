import { AssetFields, type AssetType } from '@shared/domain/assets';
import type { CheckResult } from '@shared/domain/checks';
import { ChangeFields } from '@shared/domain/changes';
import { IncidentFields, INCIDENT_CATEGORIES, type IncidentStatus } from '@shared/domain/incidents';
import { ConsultationFields, DefectFields } from '@shared/domain/problems';
import type { Profile } from '@shared/domain/profile';
import { ScheduleFields, TemplateContent, type EntryValue, type Frequency } from '@shared/domain/rounds';
import { LEVELS, priorityFrom, type Priority, type SlaPolicyFields } from '@shared/domain/sla';
import { localDate, periodsFor, type Period } from '@shared/rounds/schedule-periods';
import { DEFAULT_SLA_POLICY_FIELDS } from '@shared/sla';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';
import { samplePng } from '../../attachments/testing/sample-files';
import { insertResult } from '../../checks/check-results.repo';
import { EventBus } from '../../events/event-bus';
import { createServices, DEFAULT_RESOURCES_DIR, type Services } from '../../services';
import { newId } from '../../store/ids';
import { LocalStore } from '../../store/local-store';

/*
 * A realistic, deterministic service data set for the statistics, the
 * consolidated views and the service report: a client with sites, machine
 * rooms and assets (and a second, smaller client to filter away), three
 * engineers, schedules and rounds (signed, under way, missed), incidents of
 * every category and priority in every SLA state (met, missed, breached,
 * at risk, paused, on track), consultations and defects, changes, and device
 * check results. Everything is written through the real services and the
 * write path; only the check results, which a device sweep would produce, go
 * straight to the write path as the result writer does.
 *
 * The same seed number gives the same records (names, times, states); ids
 * are fresh UUIDv7s. Records fall in the `days` before `now`; the clock the
 * store was opened with is moved to each record's time while it is written
 * and left at `now`.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 2026-11-27 09:00 in Shanghai. */
export const SEED_NOW = Date.UTC(2026, 10, 27, 1, 0, 0);
export const SEED_TIME_ZONE = 'Asia/Shanghai';
export const SEED_ENGINEERS = ['张伟', '李娜', '王强'] as const;
export const SEED_SUPERVISOR: Profile = { name: '陈主管', role: 'supervisor' };

export interface ServiceDataSize {
  /** Sites of the main client, and rooms in each. */
  sites: number;
  roomsPerSite: number;
  assetsPerRoom: number;
  incidents: number;
  rounds: number;
  /** Consultations and defects together. */
  problems: number;
  changes: number;
  checkResults: number;
}

export const DEFAULT_SIZE: ServiceDataSize = {
  sites: 2,
  roomsPerSite: 2,
  assetsPerRoom: 6,
  incidents: 120,
  rounds: 60,
  problems: 30,
  changes: 12,
  checkResults: 400,
};

export interface SeedServiceDataOptions {
  /** Same number, same data. */
  seed?: number;
  /** The end of the data set: the clock stands here afterwards. */
  now?: number;
  /** How many days before `now` the records spread over. */
  days?: number;
  size?: Partial<ServiceDataSize>;
}

/** A clock the seed moves; open the store with `now: clock.now` so rows get the seeded times. */
export interface SeedClock {
  now: () => number;
  set: (ms: number) => void;
}

export function seedClock(start = SEED_NOW): SeedClock {
  let now = start;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
  };
}

/** A store the seed can write: its clock and the profile the write path signs with are the seed's to move. */
export interface SeedTarget {
  store: LocalStore;
  clock: SeedClock;
  dataDir: string;
  /** Who writes next (the write path's audit and the services' createdBy). */
  setActor: (profile: Profile) => void;
}

/** Opens (creating) a store in `dataDir` with a seed clock at `now`. Close it with `target.store.close()`. */
export async function openSeedStore(dataDir: string, now = SEED_NOW): Promise<SeedTarget> {
  const clock = seedClock(now);
  let actor: Profile = { name: SEED_ENGINEERS[0], role: 'engineer' };
  const store = await LocalStore.open({ dataDir, now: clock.now, actor: () => actor });
  return {
    store,
    clock,
    dataDir,
    setActor: (profile) => {
      actor = profile;
    },
  };
}

export interface SeededPlace {
  id: string;
  name: string;
}

export interface SeededServiceData {
  seed: number;
  now: number;
  /** Start of the data: `now` minus `days`. */
  from: number;
  timeZone: string;
  size: ServiceDataSize;
  client: SeededPlace;
  sites: (SeededPlace & { rooms: SeededPlace[] })[];
  rooms: SeededPlace[];
  /** The second client, with one site and one room. */
  otherClient: SeededPlace;
  otherRoom: SeededPlace;
  assetIds: string[];
  engineers: readonly string[];
  /** Every domain's services over the store, on the seed's clock (the seed's profile is the actor). */
  services: Services;
  /** What was made, for tests that check a figure by its origin as well as by SQL. */
  made: { incidents: number; rounds: number; problems: number; changes: number; checkResults: number; schedules: number };
}

/** Deterministic numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

/**
 * The time of the index-th of `count` records between `from` and `to`: one at
 * random in each of `count` equal slices, so every stretch of the period (the
 * last month, say) holds its share even in a small data set.
 */
function spread(rng: Random, index: number, count: number, from: number, to: number): number {
  return Math.floor(from + ((index + rng.next()) / count) * (to - from));
}

/** Around the clock, so the states the seed aims at are plain arithmetic. */
export const SEED_POLICY: SlaPolicyFields = {
  ...DEFAULT_SLA_POLICY_FIELDS,
  name: '合同 SLA 7×24',
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

/** The room checklist every seeded round walks: two readings and a choice, so a round is quick to write. */
export const SEED_TEMPLATE = TemplateContent.parse({
  name: '机房例行巡检',
  language: 'zh-CN',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: '环境',
      items: [
        { key: 'temperature', label: '冷通道温度', spec: { type: 'number', unit: '°C', thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } } },
        { key: 'water', label: '无漏水', spec: { type: 'pass-fail' } },
        {
          key: 'cleanliness',
          label: '卫生',
          spec: { type: 'choice', options: [{ value: 'clean', label: '整洁', outcome: 'ok' }, { value: 'dusty', label: '积尘', outcome: 'warning' }] },
        },
      ],
    },
  ],
});

const ROOM_ASSET_TYPES: readonly AssetType[] = ['switch', 'server', 'ups', 'router', 'firewall', 'storage', 'air-conditioner', 'pdu'];
const TYPE_NAMES: Partial<Record<AssetType, string>> = {
  switch: '交换机',
  server: '服务器',
  ups: 'UPS',
  router: '路由器',
  firewall: '防火墙',
  storage: '存储',
  'air-conditioner': '精密空调',
  pdu: 'PDU',
};
const TITLES: Record<(typeof INCIDENT_CATEGORIES)[number], readonly string[]> = {
  hardware: ['电源模块告警', '硬盘故障', '风扇异常'],
  software: ['数据库连接超时', '应用服务无响应', '系统补丁失败'],
  network: ['核心交换机端口故障', '网络丢包', '链路中断'],
  security: ['防火墙策略异常', '病毒告警', '异常登录'],
  environment: ['机房温度偏高', '空调告警', '漏水告警'],
  other: ['打印机故障', '门禁故障', '其他问题'],
};

/** Commits this many service calls at once: the store syncs to disk per transaction. */
const BATCH = 250;

/**
 * Writes the data set into the target's store; see the file comment. The
 * default size takes about a second; 20,000 incidents and 5,000 rounds over
 * 365 days took 174 s and 292 s on the shared two-core machine (load average
 * 13–18), almost all of it in the incident services (creating an incident
 * and its status changes, ~5–10 ms each incident under that load).
 */
export async function seedServiceData(target: SeedTarget, options: SeedServiceDataOptions = {}): Promise<SeededServiceData> {
  const seed = options.seed ?? 1;
  const now = options.now ?? SEED_NOW;
  const days = options.days ?? 90;
  const size: ServiceDataSize = { ...DEFAULT_SIZE, ...options.size };
  const from = now - days * DAY;
  const rng = random(seed);
  const { store, clock } = target;
  const engineers = SEED_ENGINEERS;
  let actor: Profile = { name: engineers[0], role: 'engineer' };
  const setActor = (profile: Profile) => {
    actor = profile;
    target.setActor(profile);
  };
  setActor(actor);
  clock.set(from - DAY);
  const services = createServices({ store, events: new EventBus(), dataDir: target.dataDir, now: clock.now, actor: () => actor, resourcesDir: DEFAULT_RESOURCES_DIR });
  const engineer = (name: string) => setActor({ name, role: 'engineer' });
  const batched = async <T>(items: readonly T[], work: (item: T, index: number) => void) => {
    for (let start = 0; start < items.length; start += BATCH) {
      store.db.transaction(() => items.slice(start, start + BATCH).forEach((item, offset) => work(item, start + offset)))();
      // Let timers and I/O run between batches (a test runner's heartbeat, a progress line).
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  // Places and assets.
  const { client, sites, otherClient, otherRoom, assetIds, roomAssets } = store.db.transaction(() => {
    const c = { id: services.locations.create({ kind: 'client', name: '市第一人民医院' }).id, name: '市第一人民医院' };
    const siteNames = ['门诊楼', '住院部', '医技楼', '行政楼'];
    const madeSites = Array.from({ length: size.sites }, (_, s) => {
      const name = siteNames[s] ?? `院区 ${s + 1}`;
      const id = services.locations.create({ kind: 'site', clientId: c.id, name }).id;
      const rooms = Array.from({ length: size.roomsPerSite }, (_, r) => {
        const roomName = `${r + 1}F 机房`;
        return { id: services.locations.create({ kind: 'room', siteId: id, name: roomName }).id, name: roomName };
      });
      return { id, name, rooms };
    });
    const oc = { id: services.locations.create({ kind: 'client', name: '港湾银行' }).id, name: '港湾银行' };
    const os = services.locations.create({ kind: 'site', clientId: oc.id, name: 'HQ' }).id;
    const or = { id: services.locations.create({ kind: 'room', siteId: os, name: 'B1 Server room' }).id, name: 'B1 Server room' };
    const byRoom = new Map<string, string[]>();
    const ids: string[] = [];
    let ip = 0;
    const rooms = [...madeSites.flatMap((site) => site.rooms), or];
    rooms.forEach((room, roomIndex) => {
      const count = room === or ? Math.max(2, Math.floor(size.assetsPerRoom / 2)) : size.assetsPerRoom;
      const list: string[] = [];
      for (let a = 0; a < count; a++) {
        const type = ROOM_ASSET_TYPES[a % ROOM_ASSET_TYPES.length] as AssetType;
        ip += 1;
        // Warranty: a few ended, a few end within the warning window, the rest later.
        const roll = rng.next();
        const warrantyDays = roll < 0.08 ? -rng.int(1, 200) : roll < 0.2 ? rng.int(0, 80) : rng.int(120, 1500);
        const fields = AssetFields.parse({
          type,
          name: `${TYPE_NAMES[type] ?? type}-${roomIndex + 1}-${a + 1}`,
          vendor: rng.pick(['华为', 'H3C', '戴尔', '山特', 'APC']),
          roomId: room.id,
          status: a === count - 1 && roomIndex === 0 ? 'retired' : 'in-use',
          managementIps: [`10.${Math.floor(ip / 250)}.${ip % 250}.${roomIndex + 1}`],
          warrantyEnd: localDate(now + warrantyDays * DAY, SEED_TIME_ZONE),
        });
        const id = services.assets.create(fields).id;
        list.push(id);
        ids.push(id);
      }
      byRoom.set(room.id, list);
    });
    return { client: c, sites: madeSites, otherClient: oc, otherRoom: or, assetIds: ids, roomAssets: byRoom };
  })();
  const rooms = sites.flatMap((site) => site.rooms);
  const allRooms = [...rooms, otherRoom];

  setActor(SEED_SUPERVISOR);
  services.sla.policies.save({ fields: { ...SEED_POLICY, clientId: client.id } });
  services.sla.policies.save({ fields: { ...SEED_POLICY, name: 'Bank SLA', clientId: otherClient.id } });

  const incidents = await seedIncidents(services, clock, rng, { size, from, now, rooms: allRooms, roomAssets, engineers, setActor: engineer, batched });
  const rounds = await seedRounds(services, clock, rng, { size, from, now, days, rooms, otherRoom, engineers, setActor: engineer, batched });
  const problems = await seedProblems(services, clock, rng, { size, from, now, assetIds, engineers, setActor: engineer, batched });
  const changes = await seedChanges(services, clock, rng, { size, from, now, assetIds, engineers, setActor, batched });
  const checkResults = seedCheckResults(store, clock, rng, { size, from, now, assetIds: allRooms.flatMap((room) => roomAssets.get(room.id) ?? []) });

  clock.set(now);
  setActor({ name: engineers[0], role: 'engineer' });
  return {
    seed,
    now,
    from,
    timeZone: SEED_TIME_ZONE,
    size,
    client,
    sites,
    rooms,
    otherClient,
    otherRoom,
    assetIds,
    engineers,
    services,
    made: { incidents, rounds: rounds.rounds, schedules: rounds.schedules, problems, changes, checkResults },
  };
}

interface Context {
  size: ServiceDataSize;
  from: number;
  now: number;
  engineers: readonly string[];
  setActor: (name: string) => void;
  batched: <T>(items: readonly T[], work: (item: T, index: number) => void) => Promise<void>;
}

const TARGETS: Record<Priority, { response: number; resolution: number }> = {
  P1: { response: 30 * MINUTE, resolution: 240 * MINUTE },
  P2: { response: 60 * MINUTE, resolution: 480 * MINUTE },
  P3: { response: 240 * MINUTE, resolution: 1440 * MINUTE },
  P4: { response: 480 * MINUTE, resolution: 4320 * MINUTE },
};

type Fate = 'met' | 'missed' | 'breached' | 'at-risk' | 'paused' | 'on-track';

/** A step of an incident's life: to this status, at this many ms after it was reported. */
interface Step {
  to: IncidentStatus;
  after: number;
}

/** The steps that put an incident of this priority in this SLA state by `now`. */
function lifeOf(fate: Fate, priority: Priority, rng: Random): { age?: number; steps: Step[] } {
  const { response, resolution } = TARGETS[priority];
  switch (fate) {
    case 'met': {
      const ack = response * (0.2 + 0.6 * rng.next());
      const done = resolution * (0.3 + 0.6 * rng.next());
      // Every status change is a service call: only some incidents go through all of them.
      const steps: Step[] = [{ to: 'acknowledged', after: ack }];
      if (rng.chance(0.3)) steps.push({ to: 'in-progress', after: ack + (done - ack) / 3 });
      steps.push({ to: 'resolved', after: done });
      if (rng.chance(0.4)) steps.push({ to: 'closed', after: done + rng.int(1, 48) * HOUR });
      return { steps };
    }
    case 'missed': {
      const lateResponse = rng.chance(0.5);
      const ack = response * (lateResponse ? 1.2 + rng.next() : 0.5);
      const done = resolution * (1.1 + rng.next());
      const steps: Step[] = [{ to: 'acknowledged', after: ack }, { to: 'resolved', after: Math.max(done, ack + MINUTE) }];
      if (rng.chance(0.4)) steps.push({ to: 'closed', after: Math.max(done, ack + MINUTE) + DAY });
      return { steps };
    }
    case 'breached':
      // Taken on in time, never fixed: the resolution timer runs past its target.
      return { steps: [{ to: 'acknowledged', after: response * 0.5 }, { to: 'in-progress', after: response * 0.8 }] };
    case 'at-risk':
      return { age: resolution * (0.8 + 0.15 * rng.next()), steps: [{ to: 'acknowledged', after: response * 0.5 }, { to: 'in-progress', after: response * 0.9 }] };
    case 'paused':
      return { age: resolution * (0.4 + 0.2 * rng.next()), steps: [{ to: 'acknowledged', after: response * 0.5 }, { to: 'pending', after: resolution * 0.3 }] };
    case 'on-track':
      return { age: response * 0.2 * rng.next() + MINUTE, steps: [] };
  }
}

function pickFate(rng: Random): Fate {
  const roll = rng.next();
  if (roll < 0.55) return 'met';
  if (roll < 0.7) return 'missed';
  if (roll < 0.78) return 'breached';
  if (roll < 0.86) return 'at-risk';
  if (roll < 0.93) return 'paused';
  return 'on-track';
}

async function seedIncidents(
  services: Services,
  clock: SeedClock,
  rng: Random,
  context: Context & { rooms: SeededPlace[]; roomAssets: Map<string, string[]> },
): Promise<number> {
  const { incidents } = services.incidents;
  // Open incidents are a backlog, not a share of history: a large data set has a few hundred, not thousands.
  const openCap = Math.max(6, Math.round(2 * Math.sqrt(context.size.incidents)));
  const open: Partial<Record<Fate, number>> = {};
  const count = context.size.incidents;
  const plans = Array.from({ length: count }, (_, index) => {
    const category = rng.pick(INCIDENT_CATEGORIES);
    const impact = rng.pick(LEVELS);
    const urgency = rng.pick(LEVELS);
    const priority = priorityFrom(impact, urgency);
    let fate = pickFate(rng);
    if (fate !== 'met' && fate !== 'missed') {
      open[fate] = (open[fate] ?? 0) + 1;
      if ((open[fate] as number) > openCap) fate = fate === 'breached' ? 'missed' : 'met';
    }
    const life = lifeOf(fate, priority, rng);
    const reportedAt = Math.floor(life.age !== undefined ? context.now - life.age : spread(rng, index, count, context.from, context.now - 3 * DAY));
    const room = rng.chance(0.1) ? (context.rooms.at(-1) as SeededPlace) : rng.pick(context.rooms.slice(0, -1));
    const assets = context.roomAssets.get(room.id) ?? [];
    const onAsset = assets.length > 0 && rng.chance(0.8);
    return {
      fields: IncidentFields.parse({
        title: rng.pick(TITLES[category]),
        description: '',
        category,
        impact,
        urgency,
        systemDown: priority === 'P1' && rng.chance(0.15),
        assetIds: onAsset ? [rng.pick(assets)] : [],
        locationId: onAsset ? null : room.id,
        reporterName: rng.pick(['李护士长', '信息科王老师', '值班员']),
        assignee: rng.pick(context.engineers),
        reportedAt,
      }),
      by: rng.pick(context.engineers),
      steps: life.steps,
      pendingReason: rng.pick(['client', 'vendor', 'parts'] as const),
    };
  });
  await context.batched(plans, (plan) => {
    context.setActor(plan.by);
    const reportedAt = plan.fields.reportedAt as number;
    clock.set(reportedAt);
    const { id } = incidents.create(plan.fields);
    context.setActor(plan.fields.assignee || plan.by);
    for (const step of plan.steps) {
      const at = Math.floor(reportedAt + step.after);
      if (at >= context.now) break;
      clock.set(at);
      incidents.transition({
        id,
        to: step.to,
        note: '',
        at,
        ...(step.to === 'pending' ? { pendingReason: plan.pendingReason } : {}),
        ...(step.to === 'resolved' ? { resolution: { cause: '设备老化', method: '更换部件并验证', workaround: '' } } : {}),
      });
    }
  });
  return plans.length;
}

/** A time of day in the zone (minutes after midnight) on a local date. */
function at(date: string, minute: number): number {
  return zonedInstant(dayOfIsoDate(date), minute, SEED_TIME_ZONE);
}

async function seedRounds(
  services: Services,
  clock: SeedClock,
  rng: Random,
  context: Context & { days: number; rooms: SeededPlace[]; otherRoom: SeededPlace },
): Promise<{ rounds: number; schedules: number }> {
  const { templates, schedules, rounds } = services.rounds;
  const want = context.size.rounds;
  if (want === 0) return { rounds: 0, schedules: 0 };
  const startDate = localDate(context.from, SEED_TIME_ZONE);
  const today = localDate(context.now, SEED_TIME_ZONE);
  context.setActor(context.engineers[0] as string);
  clock.set(context.from - DAY);
  const template = templates.save(undefined, SEED_TEMPLATE);

  // Schedules that ask for about four in five of the rounds wanted: the least frequent kind that needs at most two per room.
  const periodsOf = (frequency: Frequency) => Math.max(1, periodsFor({ frequency, startDate }, startDate, today).length);
  const scheduled = want * 0.8;
  const needed = (frequency: Frequency) => Math.max(1, Math.ceil(scheduled / periodsOf(frequency)));
  const frequency = (['monthly', 'weekly', 'daily'] as const).find((f) => needed(f) <= 2 * context.rooms.length) ?? 'daily';
  const scheduleCount = needed(frequency);
  const made = Array.from({ length: scheduleCount }, (_, s) => {
    const room = context.rooms[s % context.rooms.length] as SeededPlace;
    const assignee = context.engineers[s % context.engineers.length] as string;
    const schedule = schedules.save(undefined, ScheduleFields.parse({ templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency, startDate, assignee }));
    return { schedule, room, assignee };
  });

  // Work: for each period a round (signed, under way) or none (missed), then rounds outside any schedule up to the number wanted.
  const slots = made.flatMap(({ schedule, room, assignee }) => periodsFor({ frequency, startDate }, startDate, today).map((period) => ({ schedule, room, assignee, period })));
  slots.sort((a, b) => a.period.start.localeCompare(b.period.start));
  const share = Math.min(0.9, want / Math.max(1, slots.length));
  const work: { room: SeededPlace; by: string; scheduleId?: string; period?: Period; start: number; sign: boolean; pause: boolean }[] = [];
  for (const slot of slots) {
    if (work.length >= want || !rng.chance(share)) continue;
    const start = at(slot.period.start, rng.int(9 * 60, 16 * 60));
    if (start >= context.now - HOUR) continue;
    const sign = rng.chance(0.93);
    work.push({ room: slot.room, by: slot.assignee, scheduleId: slot.schedule.id, period: slot.period, start, sign, pause: !sign && rng.chance(0.5) });
  }
  while (work.length < want) {
    const room = rng.chance(0.15) ? context.otherRoom : rng.pick(context.rooms);
    const start = Math.floor(context.from + rng.next() * (context.now - context.from - 2 * HOUR));
    const sign = rng.chance(0.9);
    work.push({ room, by: rng.pick(context.engineers), start, sign, pause: !sign && rng.chance(0.5) });
  }

  const begin = (item: (typeof work)[number]) => {
    context.setActor(item.by);
    clock.set(item.start);
    return rounds.start({
      templateId: template.id,
      target: { kind: 'room', roomId: item.room.id },
      ...(item.scheduleId ? { scheduleId: item.scheduleId, periodStart: item.period?.start } : {}),
    }).round.id;
  };
  // One signature image, uploaded on the first round and shown on every signed one (signing needs an image attachment).
  const first = work[0] as (typeof work)[number];
  const firstId = begin(first);
  const signature = (await services.attachments.upload({ ownerType: 'round-item', ownerId: firstId, fileName: 'signature.png', bytes: await samplePng(32, 16) })).id;
  await context.batched(work, (item, index) => {
    const roundId = index === 0 ? firstId : begin(item);
    const temperature = rng.chance(0.9) ? 20 + rng.int(0, 50) / 10 : rng.chance(0.8) ? 28 : 31;
    const dry = rng.chance(0.97);
    const entries: [string, EntryValue, string][] = [
      ['temperature', { type: 'number', value: temperature }, temperature > 30 ? '温度超标，已通知空调维保' : ''],
      ['water', { type: 'pass-fail', passed: dry }, dry ? '' : '地板下有积水，已处理'],
      ['cleanliness', { type: 'choice', value: rng.chance(0.9) ? 'clean' : 'dusty' }, ''],
    ];
    entries.forEach(([itemKey, value, note], index) => {
      clock.set(item.start + (index + 1) * 5 * MINUTE);
      rounds.saveEntry({ roundId, sectionKey: 'environment', itemKey, assetId: null, value, note });
    });
    if (item.pause) rounds.setPaused(roundId, true);
    if (item.sign) {
      clock.set(item.start + 40 * MINUTE);
      rounds.sign({ id: roundId, signerName: item.by, signatureAttachmentId: signature, summary: '' });
    }
  });
  return { rounds: work.length, schedules: made.length };
}

async function seedProblems(services: Services, clock: SeedClock, rng: Random, context: Context & { assetIds: string[] }): Promise<number> {
  const count = context.size.problems;
  const plans = Array.from({ length: count }, (_, index) => ({
    consultation: rng.chance(0.6),
    at: spread(rng, index, count, context.from, context.now - 10 * DAY),
    by: rng.pick(context.engineers),
    assetIds: rng.chance(0.8) ? [rng.pick(context.assetIds)] : [],
    steps: rng.int(0, 4),
    operation: rng.chance(0.15),
  }));
  await context.batched(plans, (plan) => {
    context.setActor(plan.by);
    clock.set(plan.at);
    if (plan.consultation) {
      services.problems.createConsultation(ConsultationFields.parse({ reporter: '信息科王老师', question: 'VPN 如何连接？', answer: '安装客户端后用工号登录。', assetIds: plan.assetIds, at: plan.at }));
      return;
    }
    const { id } = services.problems.createDefect(DefectFields.parse({ title: 'HIS 报表导出乱码', description: '导出 Excel 中文乱码', reporter: '财务科', assetIds: plan.assetIds, at: plan.at }));
    const steps = [
      { to: 'analysed' as const, data: plan.operation ? { kind: 'operation' as const, answer: '请选择 UTF-8 编码导出' } : { kind: 'technical' as const, notes: '编码设置错误' } },
      { to: 'confirmed' as const, data: { notes: '已复现' } },
      { to: 'resolved' as const, data: { resolution: '修正导出编码' } },
      { to: 'fed-back' as const, data: { feedback: '已修复，请验证', feedbackTo: '财务科' } },
    ];
    const taken = plan.operation ? 1 : plan.steps;
    steps.slice(0, taken).forEach((step, index) => {
      const when = plan.at + (index + 1) * DAY;
      clock.set(when);
      services.problems.step(id, step.to, step.data, when);
    });
  });
  return count;
}

async function seedChanges(services: Services, clock: SeedClock, rng: Random, context: Omit<Context, 'setActor'> & { assetIds: string[]; setActor: (profile: Profile) => void }): Promise<number> {
  const count = context.size.changes;
  const plans = Array.from({ length: count }, (_, index) => ({
    at: spread(rng, index, count, context.from, context.now - 7 * DAY),
    by: rng.pick(context.engineers),
    assetIds: [rng.pick(context.assetIds)],
    roll: rng.next(),
  }));
  await context.batched(plans, (plan) => {
    const engineer: Profile = { name: plan.by, role: 'engineer' };
    context.setActor(engineer);
    clock.set(plan.at);
    const windowStart = plan.at + 2 * DAY;
    const { id } = services.changes.create(
      ChangeFields.parse({
        title: '核心交换机版本升级',
        assetIds: plan.assetIds,
        plan: '1. 备份配置 2. 升级 3. 验证',
        riskLevel: rng.pick(['low', 'medium', 'high'] as const),
        rollbackPlan: '回退到原版本',
        windowStart,
        windowEnd: windowStart + 2 * HOUR,
        requester: '信息科',
        implementer: plan.by,
      }),
    );
    if (plan.roll < 0.1) return; // a draft
    const move = (to: Parameters<Services['changes']['transition']>[1]['to'], when: number, extra: { comment?: string; result?: string } = {}) => {
      clock.set(when);
      services.changes.transition(id, { to, comment: extra.comment ?? '', result: extra.result ?? '', at: when });
    };
    move('submitted', plan.at + HOUR);
    context.setActor(SEED_SUPERVISOR);
    if (plan.roll < 0.18) {
      move('rejected', plan.at + 3 * HOUR, { comment: '窗口与业务高峰冲突' });
      return;
    }
    move('approved', plan.at + 3 * HOUR);
    context.setActor(engineer);
    if (plan.roll < 0.25) {
      move('cancelled', plan.at + DAY, { comment: '需求取消' });
      return;
    }
    move('in-progress', windowStart);
    const outcome = plan.roll < 0.85 ? 'completed' : plan.roll < 0.93 ? 'failed' : 'rolled-back';
    move(outcome, windowStart + HOUR, { result: outcome === 'completed' ? '升级成功' : '升级失败，已回退' });
  });
  return count;
}

/** Reachability results as a ping sweep stores them: mostly answered, some unanswered, a few timeouts. */
function seedCheckResults(store: LocalStore, clock: SeedClock, rng: Random, context: { size: ServiceDataSize; from: number; now: number; assetIds: string[] }): number {
  const count = context.size.checkResults;
  const results = Array.from({ length: count }, (_, index): CheckResult => {
    const startedAt = spread(rng, index, count, context.from, context.now - HOUR);
    const roll = rng.next();
    const status: CheckResult['status'] = roll < 0.88 ? 'ok' : roll < 0.97 ? 'failed' : 'error';
    const received = status === 'ok' ? 3 : 0;
    return {
      id: newId(),
      runId: null,
      assetId: rng.pick(context.assetIds),
      target: '10.0.0.1',
      kind: 'ping',
      profileId: 'ping',
      step: 'ping',
      method: 'fping',
      rawOutput: '',
      parsed: null,
      metrics: status === 'error' ? {} : ({ 'ping.received': received, 'ping.loss-percent': status === 'ok' ? 0 : 100 } as Record<string, number>),
      units: status === 'error' ? {} : ({ 'ping.loss-percent': '%' } as Record<string, string>),
      status,
      errorCode: status === 'error' ? 'check.timeout' : null,
      errorMessage: status === 'error' ? 'The check did not finish within 3000 ms' : null,
      durationMs: 20,
      startedAt,
      finishedAt: startedAt + 20,
    };
  });
  for (let start = 0; start < results.length; start += 1000) {
    const batch = results.slice(start, start + 1000);
    clock.set(Math.max(...batch.map((result) => result.finishedAt)));
    store.writePath.write(batch.map(insertResult));
  }
  return results.length;
}
