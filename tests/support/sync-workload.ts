import { createHash } from 'node:crypto';
import type { WatchedEntity } from './sync-replicas';

/** A console as the workload drives it: its core's API, in this process or behind a backend process. */
export interface WorkloadConsole {
  name: string;
  call<T>(method: string, input?: unknown): Promise<T>;
  /** Brings a killed backend back before a write (a process console); absent in process. */
  ensureRunning?(): Promise<void>;
}

/** The kinds of work, for a test that chooses them itself (fast-check commands). */
export type WorkKind = 'create-incident' | 'edit-incident' | 'work-log' | 'attach' | 'delete-attachment' | 'round-entries';
export const WORK_KINDS: readonly WorkKind[] = ['create-incident', 'edit-incident', 'work-log', 'attach', 'delete-attachment', 'round-entries'];

const TEMPLATE_ITEMS = 6;

/**
 * The work sync tests make on their consoles: incidents, edits of one
 * incident's fields on several consoles (per-field LWW), work logs,
 * attachments (text files of a chosen size), deletes of attachments, and
 * round entries. Every record it creates carries a unique tag
 * (`tag:<seed>:<n>`) in a field, so a record that arrives twice under two
 * ids is seen (sync-replicas.ts). It keeps the ids of the writes a console
 * confirmed: those must end up everywhere.
 */
export class SyncWorkload {
  readonly answered = new Map<WatchedEntity, Set<string>>();
  readonly incidents: string[] = [];
  readonly attachments: string[] = [];
  /** Rounds by the console that started them: only the starter fills a round (two consoles filling one slot is not modelled). */
  private readonly rounds = new Map<string, string[]>();
  /** Writes cut short by a dead backend. */
  unanswered = 0;
  private tag = 0;
  /** Made by setUpReference. */
  roomId = '';
  templateId = '';

  constructor(
    private readonly random: () => number,
    private readonly seed: number,
    private readonly options: { maxFileBytes?: number; isConnectionError?: (error: unknown) => boolean; isRefusal?: (error: unknown) => boolean } = {},
  ) {}

  /** A client, a site, a room and a checklist template, made on one console (which must push them before others use them). */
  async setUpReference(on: WorkloadConsole): Promise<void> {
    const client = await on.call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const site = await on.call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    const room = await on.call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' });
    const template = await on.call<{ id: string }>('templates.save', { content: templateContent() });
    this.roomId = room.id;
    this.templateId = template.id;
  }

  /** One random piece of work. */
  work(on: WorkloadConsole, kind: WorkKind = this.randomKind()): Promise<void> {
    if (this.incidents.length === 0 && (kind === 'edit-incident' || kind === 'work-log' || kind === 'attach')) kind = 'create-incident';
    switch (kind) {
      case 'create-incident':
        return this.createIncident(on);
      case 'edit-incident':
        return this.editIncident(on);
      case 'work-log':
        return this.addWorkLogs(on, 1 + Math.floor(this.random() * 3));
      case 'attach':
        return this.attach(on);
      case 'delete-attachment':
        return this.deleteAttachment(on);
      case 'round-entries':
        return this.roundEntries(on);
    }
  }

  randomKind(): WorkKind {
    const choice = this.random();
    if (choice < 0.2) return 'create-incident';
    if (choice < 0.4) return 'edit-incident';
    if (choice < 0.55) return 'work-log';
    if (choice < 0.75) return 'attach';
    if (choice < 0.8) return 'delete-attachment';
    return 'round-entries';
  }

  createIncident(on: WorkloadConsole): Promise<void> {
    return this.write(on, 'incident', async () => {
      const incident = await on.call<{ id: string }>('incidents.create', {
        title: `${on.name} 记录的故障 ${this.tag}`,
        category: 'network',
        impact: this.pick(['low', 'medium', 'high']),
        urgency: this.pick(['low', 'medium', 'high']),
        reporterName: '值班员',
        reporterContact: this.nextTag(),
        locationId: this.roomId || null,
      });
      this.incidents.push(incident.id);
      return incident.id;
    });
  }

  /** An edit of a field another console may be editing too: per-field LWW must pick the same winner everywhere. */
  editIncident(on: WorkloadConsole): Promise<void> {
    if (this.incidents.length === 0) return this.createIncident(on);
    const id = this.pick(this.incidents);
    const patch = this.random() < 0.5 ? { title: `${on.name} 改的标题 ${this.tag++}` } : { description: `${on.name} 的描述 ${this.tag++}`, assignee: on.name };
    // Not on this console yet (not pulled): a refusal, nothing written.
    return this.write(on, 'incident', async () => (await this.refusable(() => on.call('incidents.update', { id, patch })), null));
  }

  async addWorkLogs(on: WorkloadConsole, count: number): Promise<void> {
    if (this.incidents.length === 0) return this.createIncident(on);
    const incidentId = this.pick(this.incidents);
    for (let i = 0; i < count; i += 1) {
      await this.write(on, 'incidentWorkLog', async () => {
        const entry = await this.refusable(() => on.call<{ id: string }>('incidents.addWorkLog', { incidentId, text: this.nextTag(), minutesSpent: 5 }));
        return entry?.id ?? null;
      });
    }
  }

  attach(on: WorkloadConsole, bytes?: number): Promise<void> {
    if (this.incidents.length === 0) return this.createIncident(on);
    const ownerId = this.pick(this.incidents);
    const max = this.options.maxFileBytes ?? 1_500_000;
    const size = bytes ?? 64 * 1024 + Math.floor(this.random() * Math.max(1, max - 64 * 1024));
    return this.write(on, 'attachment', async () => {
      const attachment = await this.refusable(() =>
        on.call<{ id: string }>('attachments.upload', {
          ownerType: 'incident',
          ownerId,
          fileName: `switch-${this.tag}.log`,
          contentBase64: logText(size, this.random).toString('base64'),
          note: this.nextTag(),
        }),
      );
      if (attachment) this.attachments.push(attachment.id);
      return attachment?.id ?? null;
    });
  }

  deleteAttachment(on: WorkloadConsole): Promise<void> {
    if (this.attachments.length === 0) return this.attach(on);
    const id = this.pick(this.attachments);
    return this.write(on, 'attachment', async () => (await this.refusable(() => on.call('attachments.delete', { id })), null));
  }

  async roundEntries(on: WorkloadConsole): Promise<void> {
    let mine = this.rounds.get(on.name) ?? [];
    if (mine.length === 0 || this.random() < 0.2) {
      await this.write(on, 'round', async () => {
        const detail = await this.refusable(() => on.call<{ round: { id: string } }>('rounds.start', { templateId: this.templateId, target: { kind: 'room', roomId: this.roomId } }));
        if (detail) this.rounds.set(on.name, (mine = [...mine, detail.round.id]));
        return detail?.round.id ?? null;
      });
      if (mine.length === 0) return;
    }
    const roundId = this.pick(mine);
    const items = 1 + Math.floor(this.random() * 4);
    for (let i = 0; i < items; i += 1) {
      const item = 1 + Math.floor(this.random() * TEMPLATE_ITEMS);
      await this.write(on, 'roundEntry', async () => {
        const entry = await on.call<{ id: string }>('rounds.saveEntry', {
          roundId,
          sectionKey: 'racks',
          itemKey: `reading-${item}`,
          value: { type: 'number', value: 16 + Math.round(this.random() * 160) / 10 },
          note: this.nextTag(),
        });
        return entry.id;
      });
    }
  }

  /** Runs one write; an answered write's id must end up everywhere. A write cut short by a dead backend is counted, not retried. */
  private async write(on: WorkloadConsole, entity: WatchedEntity, action: () => Promise<string | null>): Promise<void> {
    await on.ensureRunning?.();
    try {
      const id = await action();
      if (id) {
        let ids = this.answered.get(entity);
        if (!ids) this.answered.set(entity, (ids = new Set()));
        ids.add(id);
      }
    } catch (error) {
      if (!this.options.isConnectionError?.(error)) throw error;
      this.unanswered += 1;
    }
  }

  /** A refusal by core (a record not pulled here yet, say) is part of the game: null. Anything else is not. */
  private async refusable<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      if (this.options.isRefusal?.(error)) return null;
      throw error;
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private nextTag(): string {
    this.tag += 1;
    return `tag:${this.seed}:${this.tag}`;
  }
}

function templateContent() {
  const items = Array.from({ length: TEMPLATE_ITEMS }, (_, i) => ({
    key: `reading-${i + 1}`,
    label: `机柜 ${i + 1} 进风温度`,
    required: true,
    spec: { type: 'number', unit: '°C', decimals: 1, thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } },
  }));
  return { name: '机柜进风温度巡检', language: 'zh-CN', scope: { kind: 'room' }, sections: [{ key: 'racks', title: '机柜', items }] };
}

/** A log file of about `size` bytes: text (the console refuses unknown binaries), random so every file is new. */
function logText(size: number, random: () => number): Buffer {
  const lines: string[] = [];
  let length = 0;
  let n = Math.floor(random() * 1e9);
  while (length < size) {
    n += 1;
    const line = `2026-11-28 09:${String(n % 60).padStart(2, '0')}:00 Gi0/${n % 48} ${createHash('sha1').update(String(n)).digest('hex')}\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join(''), 'utf8');
}

/** A small seeded PRNG: the plan of a run follows from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sync rounds (every console once, one after the other) until a round starts
 * with nothing pending anywhere and ends without an error: then every console
 * has pulled everything every other one pushed. Returns the rounds it took.
 */
export async function syncUntilQuiet(consoles: readonly WorkloadConsole[], options: { maxRounds?: number; onStep?: (what: string) => void } = {}): Promise<number> {
  const maxRounds = options.maxRounds ?? 12;
  type Status = { pending: number; lastError: { code: string } | null };
  for (let round = 1; round <= maxRounds; round += 1) {
    const before = await Promise.all(consoles.map((on) => on.call<Status>('sync.status')));
    const quietBefore = before.every((status) => status.pending === 0);
    let clean = true;
    for (const on of consoles) {
      options.onStep?.(`sync round ${round}: sync.now on ${on.name}`);
      const status = await on.call<Status>('sync.now');
      if (status.lastError || status.pending > 0) clean = false;
    }
    if (quietBefore && clean) return round;
  }
  const statuses = await Promise.all(consoles.map((on) => on.call<Status>('sync.status')));
  throw new Error(`sync did not settle in ${maxRounds} rounds: ${JSON.stringify(statuses.map((s, i) => ({ console: consoles[i]?.name, pending: s.pending, lastError: s.lastError })))}`);
}
