import { z } from 'zod';
import { EpochMs, Id } from '../domain/ids';
import { Language } from '../domain/profile';
import {
  Amendment,
  ChecklistTemplate,
  DueRound,
  EntryValue,
  Round,
  RoundEntry,
  RoundStatus,
  RoundTarget,
  Schedule,
  ScheduleFields,
  TemplateContent,
} from '../domain/rounds';
import { ExportedFile } from './asset-transfer.contract';
import { method } from './define';

/** A template file is at most this large (JSON import). */
const TEMPLATE_FILE_BYTES = 2 * 1024 * 1024;

export const RoundDetail = z.object({
  round: Round,
  /** The template version the round uses (never the current one if it changed since). */
  template: ChecklistTemplate,
  entries: z.array(RoundEntry),
  amendments: z.array(Amendment),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const roundsContract = {
  'templates.list': method({
    summary: 'Checklist templates (current versions), optionally with archived ones.',
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(ChecklistTemplate),
  }),
  'templates.get': method({
    summary: 'One template, the current version or a given version.',
    input: z.object({ id: Id, versionId: Id.optional() }),
    output: ChecklistTemplate,
  }),
  /** Saving an existing template makes a new version; rounds keep theirs. */
  'templates.save': method({
    summary: 'Create a template, or save a new version of one.',
    input: z.object({ id: Id.optional(), content: TemplateContent }),
    output: ChecklistTemplate,
  }),
  'templates.archive': method({
    summary: 'Archive or restore a template (its rounds stay).',
    input: z.object({ id: Id, archived: z.boolean() }),
    output: ChecklistTemplate,
  }),
  'templates.import': method({
    summary: 'Import a template from JSON text; invalid files fail with the path of the first problem.',
    input: z.object({ json: z.string().max(TEMPLATE_FILE_BYTES) }),
    output: ChecklistTemplate,
    maxInputBytes: TEMPLATE_FILE_BYTES + 4096,
  }),
  'templates.export': method({
    summary: 'A template as a JSON file.',
    input: z.object({ id: Id }),
    output: ExportedFile,
  }),
  /** Adds the shipped templates (zh-CN and en) that are not there yet. */
  'templates.installDefaults': method({
    summary: 'Install the shipped default templates that are missing.',
    input: z.object({ language: Language.optional() }),
    output: z.object({ installed: z.number().int() }),
  }),

  'schedules.list': method({
    summary: 'Round schedules.',
    input: z.object({}).default({}),
    output: z.array(Schedule),
  }),
  'schedules.save': method({
    summary: 'Create or change a schedule.',
    input: z.object({ id: Id.optional(), fields: ScheduleFields }),
    output: Schedule,
  }),
  'schedules.delete': method({
    summary: 'Delete a schedule (its rounds stay).',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /** The home screen: today's, overdue and upcoming rounds with counts. */
  'rounds.agenda': method({
    summary: 'Rounds due today, overdue and upcoming, from the schedules.',
    input: z.object({ days: z.number().int().min(1).max(92).default(14), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    output: z.object({ rounds: z.array(DueRound), counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int(), inProgress: z.number().int() }) }),
  }),

  'rounds.list': method({
    summary: 'Past and running rounds, newest first, for a room, an asset or all.',
    input: z.object({
      status: RoundStatus.optional(),
      roomId: Id.optional(),
      assetId: Id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(Round) }),
  }),
  'rounds.start': method({
    summary: 'Start a round from a template at a room or for assets (or from a schedule).',
    input: z.object({ templateId: Id, target: RoundTarget, scheduleId: Id.optional(), periodStart: z.string().optional() }),
    output: RoundDetail,
  }),
  'rounds.get': method({
    summary: 'A round with its template version, entries and amendments.',
    input: z.object({ id: Id }),
    output: RoundDetail,
  }),
  /**
   * Saved at once, one transaction per entry: a crash never loses an entry already made.
   * Photos and signatures are uploaded first (attachments.upload, ownerType 'round-item',
   * ownerId the round's id) and named here by their attachment ids; they must be images.
   * Errors: rounds.not-found, rounds.read-only (signed), rounds.item-not-found (not in the
   * round's template version, or not asked for that asset), rounds.reading-invalid (a value
   * of another type, an unknown choice, missing evidence), rounds.not-a-photo, attachments.not-found.
   */
  'rounds.saveEntry': method({
    summary: 'Save one item’s entry; the outcome is judged from the template’s thresholds.',
    input: z.object({
      roundId: Id,
      sectionKey: z.string(),
      itemKey: z.string(),
      assetId: Id.nullable().default(null),
      value: EntryValue,
      note: z.string().max(4000).default(''),
    }),
    output: RoundEntry,
  }),
  /**
   * Runs the device checks the round's automatic items need (and fetches the configuration
   * for config-drift items) and fills them. Answers at once: runId is the id of this task
   * (null when there is nothing to run); progress comes as task.progress with taskId = runId,
   * and done reaches total only once the entries are written. Evidence: each entry's
   * checkResultId, or the configuration versions of a config-drift entry.
   */
  'rounds.runAutomatic': method({
    summary: 'Run the device checks behind the automatic items (all, or some).',
    input: z.object({ roundId: Id, itemKeys: z.array(z.string()).optional(), assetIds: z.array(Id).optional() }),
    output: z.object({ runId: Id.nullable(), total: z.number().int() }),
  }),
  'rounds.setPaused': method({
    summary: 'Pause or resume a round.',
    input: z.object({ id: Id, paused: z.boolean() }),
    output: Round,
  }),
  /** Raise an incident from a failed or out-of-range entry, linked to the asset, the item and its evidence. */
  'rounds.raiseIncident': method({
    summary: 'Create the proposed incident for an entry.',
    input: z.object({ entryId: Id, title: z.string().trim().min(1).max(200).optional(), description: z.string().max(20_000).optional() }),
    output: z.object({ incidentId: Id, entry: RoundEntry }),
  }),
  /**
   * Finish and sign: refused with rounds.required-missing while required items are empty or a
   * failed pass/fail or numeric entry has no note (details.missing: [{sectionKey, itemKey,
   * assetId, reason: 'empty' | 'note'}], details.count). Read-only afterwards.
   */
  'rounds.sign': method({
    summary: 'Finish and sign a round (name and signature).',
    input: z.object({ id: Id, signerName: z.string().trim().min(1).max(100), signatureAttachmentId: Id, summary: z.string().max(4000).default('') }),
    output: Round,
  }),
  'rounds.amend': method({
    summary: 'Correct an entry of a signed round, with a reason.',
    input: z.object({ entryId: Id, value: EntryValue, note: z.string().max(4000).default(''), reason: z.string().trim().min(1).max(2000) }),
    output: Amendment,
  }),
  'rounds.report': method({
    summary: 'One round as a PDF: readings, anomalies, linked incidents, photo thumbnails.',
    input: z.object({ id: Id, language: Language }),
    output: ExportedFile,
  }),
  /** Readings of one item over time, for the history chart of a room or an asset. */
  'rounds.readings': method({
    summary: 'Numeric readings of an item over time for a room or an asset.',
    input: z.object({ itemKey: z.string(), roomId: Id.optional(), assetId: Id.optional(), since: EpochMs.optional() }),
    output: z.array(z.object({ at: EpochMs, roundId: Id, value: z.number(), outcome: z.string() })),
  }),
};
