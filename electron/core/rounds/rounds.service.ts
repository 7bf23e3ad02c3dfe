import { v5 as uuidv5 } from 'uuid';
import type { RoundDetail } from '@shared/api/rounds.contract';
import type { Profile } from '@shared/domain/profile';
import type { Amendment, EntryValue, Frequency, Round, RoundAsset, RoundEntry, RoundStatus, RoundTarget, TemplateContent, TemplateItem } from '@shared/domain/rounds';
import { AppError } from '@shared/errors';
import { entryProblem, evaluateEntry, isFilled } from '@shared/rounds/entry-rules';
import { itemAppliesTo, requiredMissing, roundCounts, roundSlots } from '@shared/rounds/round-slots';
import { localDate, periodContaining } from '@shared/rounds/schedule-periods';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { roundAssets, toAmendment, toEntry, toRound } from './round-records';
import type { EntryRow, RoundFilter, RoundRow, RoundsRepo } from './rounds.repo';
import type { SchedulesService } from './schedules.service';
import type { TemplatesService } from './templates.service';

/**
 * A round entry's id follows from its slot (round, section, item, asset):
 * two laptops filling the same slot offline write one record, which sync
 * merges field by field (the later value wins, the other is a conflict a
 * person sees), instead of two rows for one slot that the slot's unique
 * index would keep apart on every console forever.
 */
const ROUND_ENTRY_NAMESPACE = '0b6f3c52-5d7e-4c1a-9d53-8f0e2a4b7c19';

export function roundEntryId(roundId: string, sectionKey: string, itemKey: string, assetId: string | null): string {
  return uuidv5(`${roundId}/${sectionKey}/${itemKey}/${assetId ?? ''}`, ROUND_ENTRY_NAMESPACE);
}

export interface EntryInput {
  roundId: string;
  sectionKey: string;
  itemKey: string;
  assetId: string | null;
  value: EntryValue;
  note: string;
}

const ENTRY_ENTITIES = ['roundEntry'];

/**
 * Running a round: start (the assets fixed then), one entry at a time, pause
 * and resume, sign, amend afterwards.
 *
 * Every entry is saved the moment it is made, in one write-path transaction
 * of its own (row + outbox + audit, synchronous=FULL): what the engineer saw
 * saved survives a crash. An entry is judged (shared/rounds/entry-rules.ts)
 * against the template version the round started with, never a later one.
 * Entries may still be made while a round is paused (pausing only says the
 * walk stopped); a signed round refuses them: a correction is an amendment.
 */
export class RoundsService {
  constructor(
    private readonly store: LocalStore,
    readonly repo: RoundsRepo,
    readonly templates: TemplatesService,
    private readonly schedules: SchedulesService,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
  ) {}

  list(filter: RoundFilter, page: { offset: number; limit: number }): { total: number; rows: Round[] } {
    const { total, rows } = this.repo.rounds(filter, page);
    const counts = this.repo.outcomeCounts(rows.map((row) => row.id));
    return {
      total,
      rows: rows.map((row) => {
        const byOutcome = counts.get(row.id) ?? {};
        const slots = roundSlots(this.templates.content(row.template_version_id), roundAssets(row)).length;
        const done = Object.values(byOutcome).reduce((sum, n) => sum + n, 0);
        return toRound(row, { total: slots, done, ok: byOutcome['ok'] ?? 0, warning: byOutcome['warning'] ?? 0, failed: byOutcome['failed'] ?? 0 });
      }),
    };
  }

  get(id: string): RoundDetail {
    const row = this.liveRound(id);
    const templateRow = this.repo.templateOfRound(row.template_id);
    if (!templateRow) throw new AppError('templates.not-found', `Round ${id} names template ${row.template_id}, which is not on this device`, { details: { id: row.template_id } });
    const template = this.templates.atVersion(templateRow, row.template_version_id);
    const entries = this.repo.entries(id).map(toEntry);
    return { round: this.toRound(row, template, entries), template, entries, amendments: this.repo.amendments(id).map(toAmendment) };
  }

  /**
   * Starts a round of the template's current version. From a schedule: the
   * period is the one given or the one containing today, and a round of that
   * period still open is returned instead of starting a second one.
   */
  start(input: { templateId: string; target: RoundTarget; scheduleId?: string; periodStart?: string }): RoundDetail {
    const actor = this.requireActor();
    const template = this.templates.liveRow(input.templateId);
    if (template.archived === 1) throw new AppError('templates.archived', `Template ${template.name} is archived`, { details: { id: template.id } });
    let periodStart: string | null = null;
    if (input.scheduleId !== undefined) {
      const schedule = this.schedules.liveRow(input.scheduleId);
      periodStart =
        input.periodStart ??
        periodContaining({ frequency: schedule.frequency as Frequency, startDate: schedule.start_date }, localDate(this.now()))?.start ??
        schedule.start_date;
      const open = this.repo.openRoundOfPeriod(input.scheduleId, periodStart);
      if (open) return this.get(open.id);
    }
    this.schedules.assertTarget(input.target);
    const content = this.templates.content(template.version_id);
    const assets = this.assetsFor(content, input.target);
    const id = newId();
    this.store.writePath.write([
      {
        entity: 'round',
        op: 'insert',
        id,
        fields: {
          templateId: template.id,
          templateVersionId: template.version_id,
          scheduleId: input.scheduleId ?? null,
          periodStart,
          target: input.target,
          roomId: input.target.kind === 'room' ? input.target.roomId : null,
          assets,
          status: 'in-progress',
          startedBy: actor.name,
          startedAt: this.now(),
          signedBy: null,
          signedAt: null,
          signatureAttachmentId: null,
          summary: '',
        },
      },
    ]);
    this.events.emit('records.changed', { entities: ['round'] });
    return this.get(id);
  }

  /** One entry, saved at once (insert or replace the slot's entry); see the class comment. */
  saveEntry(input: EntryInput): RoundEntry {
    const actor = this.requireActor();
    const saved: { entry?: RoundEntry } = {};
    this.store.writePath.write(() => {
      const round = this.editableRound(input.roundId);
      const item = this.slotItem(round, input.sectionKey, input.itemKey, input.assetId);
      this.assertValue(item, input.value);
      const { mutation, entry } = this.entryMutation(round, item, input, actor.name);
      saved.entry = entry;
      return [mutation];
    });
    this.events.emit('records.changed', { entities: ENTRY_ENTITIES });
    return saved.entry as RoundEntry;
  }

  setPaused(id: string, paused: boolean): Round {
    this.requireActor();
    this.store.writePath.write(() => {
      this.editableRound(id);
      return [{ entity: 'round', op: 'update', id, fields: { status: (paused ? 'paused' : 'in-progress') satisfies RoundStatus } }];
    });
    this.events.emit('records.changed', { entities: ['round'] });
    return this.get(id).round;
  }

  /** Finishes a round: refused while a required item is empty or a failure has no note (details.missing lists them). Read-only after. */
  sign(input: { id: string; signerName: string; signatureAttachmentId: string; summary: string }): Round {
    this.requireActor();
    this.store.writePath.write(() => {
      const round = this.editableRound(input.id);
      const template = this.templates.content(round.template_version_id);
      const missing = requiredMissing(template, roundAssets(round), this.repo.entries(round.id).map(toEntry));
      if (missing.length > 0) {
        throw new AppError('rounds.required-missing', `${missing.length} required entries are empty or need a note`, { details: { missing: missing.slice(0, 500), count: missing.length } });
      }
      this.assertImages([input.signatureAttachmentId], 'signatureAttachmentId');
      return [
        {
          entity: 'round',
          op: 'update',
          id: round.id,
          fields: { status: 'signed', signedBy: input.signerName, signedAt: this.now(), signatureAttachmentId: input.signatureAttachmentId, summary: input.summary },
        },
      ];
    });
    this.events.emit('records.changed', { entities: ['round'] });
    return this.get(input.id).round;
  }

  /** Corrects an entry of a signed round: the entry takes the new value; the amendment keeps before, after, who, when and why. */
  amend(input: { entryId: string; value: EntryValue; note: string; reason: string }): Amendment {
    const actor = this.requireActor();
    const amendmentId = newId();
    this.store.writePath.write(() => {
      const entry = this.liveEntry(input.entryId);
      const round = this.liveRound(entry.round_id);
      if (round.status !== 'signed') throw new AppError('rounds.not-signed', 'Only a signed round is amended; save the entry instead', { details: { roundId: round.id } });
      const item = this.slotItem(round, entry.section_key, entry.item_key, entry.asset_id);
      this.assertValue(item, input.value);
      const before = { value: JSON.parse(entry.value) as EntryValue, outcome: entry.outcome, note: entry.note };
      const after = { value: input.value, outcome: evaluateEntry(item, input.value), note: input.note };
      return [
        { entity: 'roundAmendment', op: 'insert', id: amendmentId, fields: { roundId: round.id, entryId: entry.id, before, after, reason: input.reason, amendedBy: actor.name, at: this.now() } },
        { entity: 'roundEntry', op: 'update', id: entry.id, fields: { value: after.value, outcome: after.outcome, filled: isFilled(item, after.value) ? 1 : 0, note: after.note } },
      ];
    });
    this.events.emit('records.changed', { entities: ['roundEntry', 'roundAmendment'] });
    return toAmendment(this.repo.amendment(amendmentId) as NonNullable<ReturnType<RoundsRepo['amendment']>>);
  }

  readings(filter: { itemKey: string; roomId?: string; assetId?: string; since?: number }) {
    return this.repo.readings(filter);
  }

  // For the automatic items, incidents and the report.

  liveRound(id: string): RoundRow {
    const row = this.repo.round(id);
    if (!row) throw new AppError('rounds.not-found', `No round ${id}`, { details: { id } });
    return row;
  }

  liveEntry(id: string): EntryRow {
    const row = this.repo.entry(id);
    if (!row) throw new AppError('rounds.not-found', `No round entry ${id}`, { details: { entryId: id } });
    return row;
  }

  /** A round entries may still be written to: not signed. */
  editableRound(id: string): RoundRow {
    const round = this.liveRound(id);
    if (round.status === 'signed') throw new AppError('rounds.read-only', 'This round is signed; correct it with an amendment', { details: { id } });
    return round;
  }

  /** The item of a slot of the round: it must exist in the round's version, and the asset must be one it is asked for. */
  slotItem(round: RoundRow, sectionKey: string, itemKey: string, assetId: string | null): TemplateItem {
    const content = this.templates.content(round.template_version_id);
    const item = content.sections.find((section) => section.key === sectionKey)?.items.find((candidate) => candidate.key === itemKey);
    const notFound = (why: string) => new AppError('rounds.item-not-found', why, { details: { sectionKey, itemKey, assetId } });
    if (!item) throw notFound(`The round's template has no item ${sectionKey}/${itemKey}`);
    if (!item.perAsset) {
      if (assetId !== null) throw notFound(`${itemKey} is asked once for the place, not per asset`);
      return item;
    }
    const asset = roundAssets(round).find((candidate) => candidate.id === assetId);
    if (!asset || !itemAppliesTo(item, asset.type)) throw notFound(`${itemKey} is not asked for asset ${assetId ?? '(none)'} in this round`);
    return item;
  }

  /** The value suits the item, and what it points at exists: photos and signatures are images, evidence is there. */
  assertValue(item: TemplateItem, value: EntryValue): void {
    const problem = entryProblem(item, value);
    if (problem) throw new AppError('rounds.reading-invalid', problem, { details: { itemKey: item.key, expected: item.spec.type, got: value.type } });
    if (value.type === 'photo') this.assertImages(value.attachmentIds, 'attachmentIds');
    if (value.type === 'signature') this.assertImages([value.attachmentId], 'attachmentId');
    if (value.type === 'auto' && value.checkResultId !== null && !this.repo.checkResultExists(value.checkResultId)) {
      throw new AppError('rounds.reading-invalid', `No check result ${value.checkResultId}`, { details: { itemKey: item.key, field: 'checkResultId' } });
    }
    if (value.type === 'config-drift') {
      for (const [field, id] of [['configBackupId', value.configBackupId], ['previousBackupId', value.previousBackupId]] as const) {
        if (id !== null && this.repo.configBackupAsset(id) === undefined) throw new AppError('rounds.reading-invalid', `No configuration backup ${id}`, { details: { itemKey: item.key, field } });
      }
    }
  }

  /** The mutation that puts an entry into its slot (inserting, or replacing the value there), and the entry as it will read. */
  entryMutation(round: RoundRow, item: TemplateItem, input: EntryInput, enteredBy: string): { mutation: Mutation; entry: RoundEntry } {
    const existing = this.repo.entryAt(round.id, input.sectionKey, input.itemKey, input.assetId);
    const outcome = evaluateEntry(item, input.value);
    const filled = isFilled(item, input.value);
    const enteredAt = this.now();
    const fields = { value: input.value, outcome, filled: filled ? 1 : 0, note: input.note, enteredBy, enteredAt };
    const id = existing?.id ?? roundEntryId(round.id, input.sectionKey, input.itemKey, input.assetId);
    const entry: RoundEntry = {
      id,
      roundId: round.id,
      sectionKey: input.sectionKey,
      itemKey: input.itemKey,
      assetId: input.assetId,
      value: input.value,
      outcome,
      filled,
      note: input.note,
      enteredBy,
      enteredAt,
      incidentId: existing?.incident_id ?? null,
    };
    if (existing) return { mutation: { entity: 'roundEntry', op: 'update', id, fields }, entry };
    return {
      mutation: {
        entity: 'roundEntry',
        op: 'insert',
        id,
        fields: { roundId: round.id, sectionKey: input.sectionKey, itemKey: input.itemKey, assetId: input.assetId, itemLabel: item.label, ...fields, incidentId: null },
      },
      entry,
    };
  }

  requireActor(): Profile {
    const actor = this.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
    return actor;
  }

  private toRound(row: RoundRow, template: TemplateContent, entries: readonly RoundEntry[]): Round {
    return toRound(row, roundCounts(template, roundAssets(row), entries));
  }

  /**
   * The assets a round covers, fixed at the start. A room: for an asset-type
   * template its assets of those types; for a room template the assets its
   * per-asset items ask about (all of the room's when one of them names no
   * type). Chosen assets: those.
   */
  private assetsFor(content: TemplateContent, target: RoundTarget): RoundAsset[] {
    if (target.kind === 'assets') return this.repo.assetsByIds([...new Set(target.assetIds)]);
    const inRoom = this.repo.roomAssets(target.roomId);
    if (content.scope.kind === 'asset-type') {
      const types = content.scope.assetTypes;
      return inRoom.filter((asset) => types.includes(asset.type));
    }
    const perAsset = content.sections.flatMap((section) => section.items).filter((item) => item.perAsset);
    return inRoom.filter((asset) => perAsset.some((item) => itemAppliesTo(item, asset.type)));
  }

  /** Each id is a live attachment whose type is an image. */
  private assertImages(ids: readonly string[], field: string): void {
    if (ids.length === 0) return;
    const found = new Map(this.repo.attachments(ids).map((row) => [row.id, row.mime_type]));
    for (const id of ids) {
      const mime = found.get(id);
      if (mime === undefined) throw new AppError('attachments.not-found', `No attachment ${id}`, { details: { id, field } });
      if (!mime.startsWith('image/')) throw new AppError('rounds.not-a-photo', `Attachment ${id} is ${mime}, not an image`, { details: { id, field, mimeType: mime } });
    }
  }
}
